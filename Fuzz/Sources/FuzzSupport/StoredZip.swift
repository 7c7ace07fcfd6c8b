/// A zip archive of uncompressed ("stored") entries with correct CRCs: lets a harness fuzz the XML parts of an xlsx
/// workbook, which a mutation of the compressed, checksummed archive itself would almost never reach.
public func storedZip(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func u32(_ v: UInt32, _ a: inout [UInt8]) { a += (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
    for (path, bytes) in entries {
        let name = Array(path.utf8.prefix(0xFFFF))
        let crc = crc32(bytes)
        let offset = UInt32(truncatingIfNeeded: out.count)
        // Local file header: version 2.0, no flags, stored, 1 January 2024.
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x5821, &out)
        u32(crc, &out); u32(UInt32(bytes.count), &out); u32(UInt32(bytes.count), &out); u16(name.count, &out); u16(0, &out)
        out += name
        out += bytes
        u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central); u16(0, &central)
        u16(0x5821, &central); u32(crc, &central); u32(UInt32(bytes.count), &central); u32(UInt32(bytes.count), &central)
        u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central)
        u32(offset, &central)
        central += name
    }
    let centralOffset = UInt32(out.count)
    out += central
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
    return out
}

private let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}

/// Splits `bytes` at each line `--8<-- NAME` into named parts (what comes before the first such line is dropped):
/// how the multi-file harnesses take several files in one fuzzer input. At most `limit` parts.
public func namedParts(_ bytes: [UInt8], limit: Int = 24) -> [(name: String, bytes: [UInt8])] {
    let marker = Array("--8<-- ".utf8)
    var parts: [(name: String, bytes: [UInt8])] = []
    var current: (name: String, start: Int)?
    var lineStart = 0
    func startsMarker(_ at: Int) -> Bool {
        at + marker.count <= bytes.count && bytes[at..<(at + marker.count)].elementsEqual(marker)
    }
    while lineStart <= bytes.count {
        if lineStart == bytes.count { break }
        if startsMarker(lineStart) {
            let nameStart = lineStart + marker.count
            let lineEnd = bytes[nameStart...].firstIndex(of: 0x0A) ?? bytes.count
            if let c = current { parts.append((c.name, Array(bytes[c.start..<max(c.start, lineStart - 1)]))) }
            if parts.count >= limit { return parts }
            current = (String(decoding: bytes[nameStart..<lineEnd], as: UTF8.self), min(lineEnd + 1, bytes.count))
            lineStart = min(lineEnd + 1, bytes.count)
            continue
        }
        lineStart = (bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count) + 1
    }
    if let c = current, parts.count < limit { parts.append((c.name, Array(bytes[c.start...]))) }
    return parts
}
