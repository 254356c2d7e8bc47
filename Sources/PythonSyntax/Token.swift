/// The kind of one token of Python source, as CPython's tokenizer distinguishes them.
///
/// Keywords get their own kinds (the parser compares one byte instead of text); soft keywords
/// (`match`, `case`, `type`, `_`) stay `.name`. Every operator has its own kind.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case endMarker, name, number, string, fstringStart, fstringMiddle, fstringEnd
    case newline, nl, comment, indent, dedent, errorToken
    // Operators and delimiters.
    case lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, plus, minus, star, slash
    case vbar, amper, less, greater, equal, dot, percent, eqEqual, notEqual, lessEqual, greaterEqual
    case tilde, circumflex, leftShift, rightShift, doubleStar, plusEqual, minEqual, starEqual
    case slashEqual, percentEqual, amperEqual, vbarEqual, circumflexEqual, leftShiftEqual
    case rightShiftEqual, doubleStarEqual, doubleSlash, doubleSlashEqual, at, atEqual, rarrow
    case ellipsis, colonEqual, exclamation
    /// `$`, `?` or a backtick: CPython's tokenizer passes them on as operators the grammar never accepts.
    case unknownOperator
    // Hard keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass
    case kwContinue, kwDef, kwDel, kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal
    case kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal, kwNot, kwOr, kwPass, kwRaise
    case kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// True for the hard keywords (`if`, `None`, ...).
    public var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }
    /// True for comments, non-logical newlines: tokens the grammar never sees.
    public var isTrivia: Bool { self == .comment || self == .nl }
}

/// One token: its kind and byte range in the source. A 12-byte value, no heap storage.
public struct Token: Sendable, Hashable {
    /// What the token is.
    public var kind: TokenKind
    /// For `.string` / `.fstringStart`: the prefix flags (see `StringFlags`); 0 otherwise.
    public var flags: UInt8
    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset just past the last byte.
    public var end: Int32

    /// The byte range as `Range<Int>`.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// Prefix and quoting flags of a string token, stored in `Token.flags`.
public struct StringFlags: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// `r` / `R` prefix.
    public static let raw = StringFlags(rawValue: 1)
    /// `b` / `B` prefix.
    public static let bytes = StringFlags(rawValue: 2)
    /// `u` / `U` prefix.
    public static let unicode = StringFlags(rawValue: 4)
    /// `f` / `F` prefix.
    public static let format = StringFlags(rawValue: 8)
    /// Triple-quoted.
    public static let triple = StringFlags(rawValue: 16)
}
