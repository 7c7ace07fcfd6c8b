/// The service's styles, after the GOV.UK Design System (its colours, type scale, spacing, focus state and
/// components), written here so that nothing is fetched from elsewhere and the CSP can forbid it.
enum Stylesheet {
    static let site = """
    *,*::before,*::after{box-sizing:border-box}
    html{background:#f3f2f1;-webkit-text-size-adjust:100%}
    body.govuk-template__body{margin:0;background:#fff;color:#0b0c0c;font-family:"GDS Transport",arial,sans-serif;font-size:19px;line-height:1.32;-webkit-font-smoothing:antialiased}
    a,.govuk-link{color:#1d70b8;text-decoration:underline;text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.1578em}
    a:visited{color:#4c2c92}
    a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem)}
    a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffdd00;outline-offset:0;background-color:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
    input:focus,select:focus,textarea:focus{background-color:#fff;box-shadow:inset 0 0 0 2px #0b0c0c}
    .govuk-skip-link{position:absolute;left:-9999px;padding:10px 15px;display:block}
    .govuk-skip-link:focus{position:static}
    .govuk-width-container{max-width:960px;margin:0 15px}
    .govuk-width-container--wide{max-width:1200px}
    @media (min-width:1020px){.govuk-width-container{margin:0 auto}}
    .govuk-header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
    .govuk-header__container{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;padding:10px 0}
    .govuk-header__link,.govuk-header__link:visited{color:#fff;text-decoration:none;font-weight:700}
    .govuk-header__link:hover{text-decoration:underline;color:#fff}
    .govuk-header__service-name{font-size:24px}
    .govuk-header__navigation{display:flex;gap:15px;align-items:center;font-size:16px}
    .govuk-header__form{margin:0}
    .govuk-header__button{background:none;border:0;color:#fff;font:inherit;font-weight:700;text-decoration:underline;cursor:pointer;padding:0}
    .govuk-phase-banner{padding:10px 0;border-bottom:1px solid #b1b4b6;font-size:16px}
    .govuk-phase-banner__content{margin:0}
    .govuk-phase-banner__content__tag{margin-right:10px}
    .govuk-breadcrumbs{font-size:16px;margin-top:15px}
    .govuk-breadcrumbs__list{list-style:none;margin:0;padding:0}
    .govuk-breadcrumbs__list-item{display:inline-block}
    .govuk-breadcrumbs__list-item+.govuk-breadcrumbs__list-item::before{content:"›";margin:0 8px;color:#505a5f}
    .govuk-main-wrapper{display:block;padding:30px 0 60px}
    .govuk-footer{background:#f3f2f1;border-top:1px solid #b1b4b6;padding:25px 0;font-size:16px;color:#0b0c0c}
    .govuk-heading-xl{font-size:48px;line-height:1.04;font-weight:700;margin:0 0 40px}
    .govuk-heading-l{font-size:36px;line-height:1.11;font-weight:700;margin:0 0 30px}
    .govuk-heading-m{font-size:24px;line-height:1.25;font-weight:700;margin:30px 0 20px}
    .govuk-heading-s{font-size:19px;font-weight:700;margin:20px 0 15px}
    .govuk-caption-l{display:block;font-size:24px;color:#505a5f;margin-bottom:5px}
    .govuk-body,.govuk-list{margin:0 0 20px}
    .govuk-body-s{font-size:16px;margin:0 0 15px}
    .govuk-hint{color:#505a5f;margin-bottom:15px;display:block}
    .govuk-list--bullet{padding-left:20px;list-style:disc}
    .govuk-table{width:100%;border-collapse:collapse;border-spacing:0;margin-bottom:40px;font-size:16px}
    .govuk-table__caption{font-weight:700;font-size:19px;text-align:left;margin-bottom:10px}
    .govuk-table th,.govuk-table td{padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;text-align:left;vertical-align:top}
    .govuk-table th{font-weight:700}
    .govuk-table .numeric{text-align:right}
    body{overflow-wrap:break-word}
    .table-scroll{overflow-x:auto;margin-bottom:40px;position:relative}
    .table-scroll .govuk-table{margin-bottom:0}
    .table-scroll:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 4px #0b0c0c}
    .govuk-tag{display:inline-block;padding:2px 8px 3px;font-weight:400;font-size:16px;background:#cce2d8;color:#005a30}
    .govuk-pagination{display:flex;flex-wrap:wrap;align-items:center;margin:0 0 30px}
    .govuk-pagination__list{display:flex;list-style:none;margin:0;padding:0}
    .govuk-pagination__item,.govuk-pagination__prev,.govuk-pagination__next{padding:10px 15px;font-size:19px}
    .govuk-pagination__item--current{background:#1d70b8;font-weight:700}
    .govuk-pagination__item--current a{color:#fff}
    .govuk-tag--green{background:#cce2d8;color:#005a30}
    .govuk-tag--amber{background:#fcd6c3;color:#6e3619}
    .govuk-tag--red{background:#f4cdc6;color:#942514}
    .govuk-tag--grey{background:#e5e6e7;color:#0c2d4a}
    .govuk-tag--blue{background:#bbd4ea;color:#0c2d4a}
    .govuk-form-group{margin-bottom:30px}
    .govuk-label{display:block;margin-bottom:5px;font-weight:700}
    .govuk-input,.govuk-select,.govuk-textarea,.govuk-file-upload{font:inherit;font-size:19px;border:2px solid #0b0c0c;padding:5px;width:100%;max-width:40em;border-radius:0}
    .govuk-input--narrow{max-width:11em}
    .govuk-form-group--error{border-left:5px solid #d4351c;padding-left:15px}
    .govuk-input--error,.govuk-select--error,.govuk-textarea--error{border-color:#d4351c}
    .govuk-error-summary__list a{color:#d4351c;font-weight:700}
    .govuk-textarea{min-height:8em}
    .govuk-file-upload{border:0;padding:5px 0}
    .govuk-button{font:inherit;font-weight:400;font-size:19px;line-height:1.2;display:inline-block;padding:8px 10px 7px;border:2px solid transparent;border-radius:0;color:#fff;background:#00703c;box-shadow:0 2px 0 #002d18;cursor:pointer;margin:0 15px 30px 0;text-decoration:none}
    .govuk-button:hover{background:#005a30}
    .govuk-button--secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
    .govuk-button--small{font-size:16px;padding:4px 8px;margin-bottom:5px}
    .govuk-error-summary{border:5px solid #d4351c;padding:20px;margin-bottom:30px}
    .govuk-error-summary__title{font-size:24px;font-weight:700;margin-top:0}
    .govuk-error-message{color:#d4351c;font-weight:700;display:block;margin-bottom:15px}
    .govuk-notification-banner{border:5px solid #1d70b8;margin-bottom:30px}
    .govuk-notification-banner__header{background:#1d70b8;color:#fff;padding:2px 15px 5px}
    .govuk-notification-banner__content{padding:15px}
    .govuk-notification-banner--success{border-color:#00703c}
    .govuk-notification-banner--success .govuk-notification-banner__header{background:#00703c}
    .govuk-summary-list{margin:0 0 30px;font-size:16px;width:100%;border-collapse:collapse}
    .govuk-summary-list__row{border-bottom:1px solid #b1b4b6}
    .govuk-summary-list__key,.govuk-summary-list__value,.govuk-summary-list__actions{padding:10px 20px 10px 0;vertical-align:top;text-align:left;overflow-wrap:anywhere}
    .govuk-summary-list__key{font-weight:700;width:30%}
    .govuk-inset-text{border-left:10px solid #b1b4b6;padding:15px;margin:20px 0}
    div.govuk-summary-list__row{display:flex;flex-wrap:wrap}
    dt.govuk-summary-list__key{flex:0 0 30%;box-sizing:border-box}
    dd.govuk-summary-list__value{flex:1 1 60%;margin:0}
    .govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;border:0!important;white-space:nowrap!important}
    @media (max-width:640px){#fields thead{display:none}#fields tr,#fields th,#fields td{display:block;width:auto;padding-right:0}#fields tr{border-bottom:1px solid #b1b4b6;padding:10px 0}dt.govuk-summary-list__key{flex-basis:100%}}
    .govuk-details summary{color:#1d70b8;cursor:pointer;text-decoration:underline}
    .govuk-details__text{border-left:5px solid #b1b4b6;padding:15px;margin-top:10px}
    .notice-text{white-space:pre-wrap;font-size:16px;border:1px solid #b1b4b6;padding:15px;max-height:none}
    .notice-text mark{background:#fff2a8;outline:1px solid #d4a800}
    .notice-text mark:target{background:#ffdd00;outline:3px solid #0b0c0c}
    .target-chart svg{max-width:100%;height:auto}
    @media (max-width:640px){table.stack thead{display:none}table.stack tr,table.stack th,table.stack td{display:block;width:auto;text-align:left;border:0;padding:2px 0}table.stack tr{border-bottom:1px solid #b1b4b6;padding:10px 0}table.stack td::before{content:attr(data-label) ": ";font-weight:700}table.stack td.numeric,table.stack .numeric{text-align:left}}
    .app-card-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:20px;margin-bottom:30px}
    .app-card{border:1px solid #b1b4b6;padding:15px}
    .app-card__figure{margin:0 0 10px;font-size:16px}
    .app-card__value{font-size:24px}
    .app-move{display:block}
    .app-board-target{display:block;font-weight:400}
    .govuk-fieldset{min-width:0;margin:0 0 20px;padding:0;border:0}
    .govuk-fieldset__legend{font-weight:700;font-size:19px;margin:0 0 10px;padding:0}
    .app-reference{color:#505a5f;font-weight:400}
    .app-move--better{color:#00703c}
    .app-move--worse{color:#d4351c}
    .app-move--same{color:#505a5f}
    .app-records{font-family:monospace;font-size:14px}
    """

    static let print = """
    @page{size:A4;margin:15mm}
    body{font-size:11pt;color:#000;background:#fff}
    .govuk-header,.govuk-footer,.govuk-phase-banner,.govuk-breadcrumbs,.govuk-skip-link,form,.govuk-button{display:none !important}
    a{color:#000;text-decoration:none}
    .govuk-table{page-break-inside:auto}
    .govuk-table tr{page-break-inside:avoid}
    .target-chart{page-break-inside:avoid}
    h2{page-break-after:avoid}
    """
}
