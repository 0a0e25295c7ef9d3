import Foundation

/// A file-system error as a person reads it: the operating system's reason (`Not a directory`,
/// `Permission denied`) rather than Foundation's "NSCocoaErrorDomain error 512".
enum FileError {
    static func describe(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        return error.localizedDescription
    }
}
