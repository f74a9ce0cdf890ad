namespace Switchboard.Sip;

/// <summary>
/// The framer's answer: the CRLF keep-alive bytes to discard first (RFC 5626 §4.4.1), then, for
/// <see cref="SipFrameStatus.Message"/>, the length of the whole message that follows them.
/// </summary>
public readonly record struct SipFrame(SipFrameStatus Status, int KeepAliveLength, int MessageLength, SipParseError Error);
