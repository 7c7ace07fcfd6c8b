import Plot
import Storage
import Vapor

/// The signed-in user's notifications (DfE officials: serious incidents). Reading the list marks them read.
enum NotificationController {
    @Sendable static func list(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let notifications = try await req.store.notifications(for: user.id).map {
            NotificationView.Item(text: $0.text, link: $0.link, new: $0.readAt == nil)
        }
        try await req.store.markNotificationsRead(for: user.id)
        return NotificationView.page(notifications, user: user)
    }
}

enum NotificationView {
    struct Item: Sendable {
        var text: String
        /// A path on this site, written by `SiteURL` when the notification was made.
        var link: String
        var new: Bool
    }

    static func page(_ items: [Item], user: CurrentUser) -> HTML {
        Layout.page(title: "Notifications", user: user, content: .group(
            .h1(.class("govuk-heading-l"), "Notifications"),
            .if(items.isEmpty, .p(.class("govuk-body"), "None.")),
            .ul(.class("govuk-list govuk-list--bullet"), .id("notifications"), .forEach(items) { n in
                .li(.a(.class("govuk-link"), .href(n.link), .text(n.text)), .if(n.new, .text(" (new)")))
            })
        ))
    }
}
