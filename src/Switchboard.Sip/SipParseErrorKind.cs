namespace Switchboard.Sip;

/// <summary>What was wrong with a message, so that the receiver can choose its answer (400, 413, 513) or drop it.</summary>
public enum SipParseErrorKind
{
    None,
    /// <summary>Larger than <see cref="SipParserLimits.MaxMessageSize"/>, or its header section too large.</summary>
    TooLarge,
    /// <summary>A line longer than <see cref="SipParserLimits.MaxLineLength"/>.</summary>
    LineTooLong,
    /// <summary>More header lines than <see cref="SipParserLimits.MaxHeaderCount"/>.</summary>
    TooManyHeaders,
    /// <summary>No empty line ends the headers.</summary>
    Incomplete,
    BadStartLine,
    BadHeaderLine,
    MissingHeader,
    DuplicateHeader,
    BadHeaderValue,
    /// <summary>The body is shorter than Content-Length says.</summary>
    TruncatedBody,
}
