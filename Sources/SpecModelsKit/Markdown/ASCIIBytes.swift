/// The ASCII classes of a UTF-8 byte, for the byte-level fast paths of names, cells and paths
/// (Character properties go through Unicode's tables, which those paths exist to avoid).
/// A byte of a multi-byte character is never any of them.
extension UInt8 {
    var isASCIIUppercase: Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }
    var isASCIILowercase: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) }
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isASCIILetter: Bool { isASCIIUppercase || isASCIILowercase }
    var isASCIILetterOrDigit: Bool { isASCIILetter || isASCIIDigit }
    /// Printable, and neither a letter, a digit nor a space: `!` to `~` without `A-Z a-z 0-9`.
    var isASCIIPunctuation: Bool { (0x21...0x7E).contains(self) && !isASCIILetterOrDigit }
    /// `A-Z` lower-cased; every other byte as it is.
    var asciiLowercased: UInt8 { isASCIIUppercase ? self | 0x20 : self }
    /// `a-z` upper-cased; every other byte as it is.
    var asciiUppercased: UInt8 { isASCIILowercase ? self - 0x20 : self }
}
