namespace Switchboard.Sip;

/// <summary>Why a message could not be parsed; <see cref="Reason"/> is fit for the reason phrase of a 400.</summary>
public readonly record struct SipParseError(SipParseErrorKind Kind, string Reason)
{
    public static SipParseError None { get; } = new(SipParseErrorKind.None, "");

    public override string ToString() => Reason;
}
