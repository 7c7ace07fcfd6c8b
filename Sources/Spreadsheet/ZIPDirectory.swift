import Foundation
#if canImport(CZlib)
import CZlib  // ZIPFoundation's zlib module on Linux
#endif

/// Checks a zip archive's directory before ZIPFoundation reads it from memory.
///
/// ZIPFoundation reads an in-memory archive through a `FILE` whose read callback traps once a seek has gone past the
/// end of the data (`Archive.MemoryFile.readData`, "Range requires lowerBound <= upperBound"; weichsel/ZIPFoundation
/// pull request 394, unmerged); converts entry sizes of 2^63 or more to `Int64` (a trap) and loops over sizes the file
/// cannot hold; and keeps its copy of the data for good when it finds no end-of-directory record (the `FILE` is never
/// closed). On Linux it also inflates an entry until the deflate stream ends, whatever its compressed size, and loops
/// for ever once the file is exhausted if the stream never does. Every offset and size it uses comes from the archive
/// itself: the central directory's start and entry count, each directory record, each entry's local header, data
/// descriptor and sizes. So they are walked here first, the way ZIPFoundation walks them (ZIP64 included), each
/// deflated entry is inflated to its end, and an archive that points outside itself, or whose compressed data never
/// ends, is refused with a reason instead.
enum ZIPDirectory {
    static func check(_ data: Data) throws(XLSXWorkbook.Failure) {
        let b = [UInt8](data)
        let length = UInt64(b.count)
        func value(_ at: UInt64, _ size: UInt64) -> UInt64? {
            guard at <= length, size <= length - at else { return nil }
            var v: UInt64 = 0
            for k in (0..<size).reversed() { v = v << 8 | UInt64(b[Int(at + k)]) }
            return v
        }
        func u16(_ at: UInt64) -> UInt64? { value(at, 2) }
        func u32(_ at: UInt64) -> UInt64? { value(at, 4) }
        func u64(_ at: UInt64) -> UInt64? { value(at, 8) }

        // The end-of-central-directory record: the first signature found scanning back from 22 bytes before the end
        // (ZIPFoundation's `scanForEndOfCentralDirectoryRecord`), with its comment wholly inside the file.
        guard length >= 22, let eocd = stride(from: length - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }),
              let commentLength = u16(eocd + 20), eocd + 22 + commentLength <= length,
              let entries32 = u16(eocd + 10), let start32 = u32(eocd + 16) else {
            throw .notAZipArchive
        }
        // ZIP64: a locator 20 bytes before that record and the ZIP64 record 56 bytes before the locator give the entry
        // count and the directory's start instead. Both readings are checked, whichever ZIPFoundation settles on.
        var directories = [(start: start32, entries: entries32)]
        if eocd > 76, u32(eocd - 20) == 0x0706_4B50, u32(eocd - 76) == 0x0606_4B50, let entries64 = u64(eocd - 76 + 32), let start64 = u64(eocd - 76 + 48) {
            directories.append((start64, entries64))
        }
        for directory in directories {
            var record = directory.start
            var n: UInt64 = 0
            while n < directory.entries {
                guard record <= length else { throw .damaged("its central directory starts or runs past the end of the file") }
                // A record ZIPFoundation cannot read ends its walk: nothing after it is read.
                guard u32(record) == 0x0201_4B50, let flags = u16(record + 8), let method = u16(record + 10),
                      let compressed32 = u32(record + 20), let uncompressed32 = u32(record + 24), let nameLength = u16(record + 28),
                      let extraLength = u16(record + 30), let commentLength = u16(record + 32), let disk = u16(record + 34),
                      let offset32 = u32(record + 42), record + 46 + nameLength + extraLength + commentLength <= length else { break }
                n += 1
                // The ZIP64 extended information in the extra field, read as ZIPFoundation reads it: only the fields
                // whose 32-bit value is all ones, in order, in a block of exactly their length.
                var compressed = compressed32, uncompressed = uncompressed32, offset = offset32
                let extra = record + 46 + nameLength
                var at: UInt64 = 0
                while extraLength >= 4, at < extraLength - 4, let id = u16(extra + at), let size = u16(extra + at + 2), at + 4 + size <= extraLength {
                    if id == 1 {
                        let present = [uncompressed32 == 0xFFFF_FFFF, compressed32 == 0xFFFF_FFFF, offset32 == 0xFFFF_FFFF, disk == 0xFFFF]
                        let widths: [UInt64] = [8, 8, 8, 4]
                        if zip(present, widths).reduce(0, { $0 + ($1.0 ? $1.1 : 0) }) == size {
                            var read = extra + at + 4
                            var fields: [UInt64] = []
                            for (isPresent, width) in zip(present, widths) {
                                fields.append(isPresent ? (value(read, width) ?? 0) : 0)
                                if isPresent { read += width }
                            }
                            if fields[0] > 0 { uncompressed = fields[0] }
                            if fields[1] > 0 { compressed = fields[1] }
                            if fields[2] > 0 { offset = fields[2] }
                        }
                        break
                    }
                    at += 4 + size
                }
                // Sizes: extraction reads the compressed size (the uncompressed one for a stored entry) a chunk at a
                // time, so neither may be more than the file holds.
                guard compressed <= length, method != 0 || uncompressed <= length else {
                    throw .damaged("entry \(n) claims more data than the file holds")
                }
                // The local header, and the data descriptor after the data when the record says there is one.
                guard offset <= length else { throw .damaged("entry \(n) points past the end of the file") }
                if u32(offset) == 0x0403_4B50, let localMethod = u16(offset + 8), let localName = u16(offset + 26), let localExtra = u16(offset + 28),
                   offset + 30 + localName + localExtra <= length {
                    guard localMethod != 0 || uncompressed <= length else { throw .damaged("entry \(n) claims more data than the file holds") }
                    if localMethod == 8, !deflateEnds(b, from: Int(offset + 30 + localName + localExtra)) {
                        throw .damaged("the compressed data of entry \(n) is cut short or corrupt")
                    }
                    if flags & 0x8 != 0, offset + 30 + localName + localExtra + (method != 0 ? compressed : uncompressed) > length {
                        throw .damaged("entry \(n)'s data runs past the end of the file")
                    }
                }
                record += 46 + nameLength + extraLength + commentLength
            }
        }
    }

    /// Whether the raw deflate stream starting at `start` ends (zlib's `Z_STREAM_END`) before the file does: what
    /// ZIPFoundation's Linux decoder needs to stop. The output is counted, not kept. Where ZIPFoundation decodes with
    /// Apple's Compression framework instead (bounded by the entry's size), there is no zlib here and nothing to check.
    static func deflateEnds(_ bytes: [UInt8], from start: Int) -> Bool {
        #if canImport(CZlib)
        guard start <= bytes.count, bytes.count - start <= Int(UInt32.max) else { return false }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 1 << 16)
        return bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + start })
            stream.avail_in = UInt32(bytes.count - start)
            while true {
                let result = output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                // Z_OK made progress; anything else but the end (no input left, corrupt data) is final.
                if result == Z_STREAM_END { return true }
                if result != Z_OK { return false }
            }
        }
        #else
        return true
        #endif
    }
}
