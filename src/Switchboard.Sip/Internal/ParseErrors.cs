namespace Switchboard.Sip.Internal;

/// <summary>The parse errors with their reason phrases; built only when a message fails.</summary>
internal static class ParseErrors
{
    public static SipParseError TooLarge() => new(SipParseErrorKind.TooLarge, "Message too large");

    public static SipParseError HeadersTooLarge() => new(SipParseErrorKind.TooLarge, "Header section too large");

    public static SipParseError LineTooLong() => new(SipParseErrorKind.LineTooLong, "Line too long");

    public static SipParseError TooManyHeaders() => new(SipParseErrorKind.TooManyHeaders, "Too many headers");

    public static SipParseError Empty() => new(SipParseErrorKind.Incomplete, "Empty message");

    public static SipParseError Unterminated() => new(SipParseErrorKind.Incomplete, "Headers not ended by an empty line");

    public static SipParseError BadRequestLine() => new(SipParseErrorKind.BadStartLine, "Bad request line");

    public static SipParseError BadRequestUri() => new(SipParseErrorKind.BadStartLine, "Bad Request-URI");

    public static SipParseError BadStatusLine() => new(SipParseErrorKind.BadStartLine, "Bad status line");

    public static SipParseError BadStatusCode() => new(SipParseErrorKind.BadStartLine, "Bad status code");

    public static SipParseError BadVersion() => new(SipParseErrorKind.BadStartLine, "Bad SIP version");

    public static SipParseError ContinuationWithoutHeader() => new(SipParseErrorKind.BadHeaderLine, "Continuation line without a header");

    public static SipParseError MissingColon() => new(SipParseErrorKind.BadHeaderLine, "Header line without a colon");

    public static SipParseError BadHeaderName() => new(SipParseErrorKind.BadHeaderLine, "Bad header name");

    public static SipParseError BareLineBreak() => new(SipParseErrorKind.BadHeaderLine, "Bare CR or LF in the headers");

    public static SipParseError Missing(string header) => new(SipParseErrorKind.MissingHeader, $"Missing {header}");

    public static SipParseError Duplicate(string header) => new(SipParseErrorKind.DuplicateHeader, $"Duplicate {header}");

    public static SipParseError Bad(string header) => new(SipParseErrorKind.BadHeaderValue, $"Bad {header}");

    public static SipParseError CSeqMethodMismatch() => new(SipParseErrorKind.BadHeaderValue, "CSeq method does not match the request method");

    public static SipParseError ContentLengthTooLarge() => new(SipParseErrorKind.TruncatedBody, "Content-Length larger than the message");

    public static SipParseError MissingContentLength() => new(SipParseErrorKind.MissingHeader, "Missing Content-Length");
}
