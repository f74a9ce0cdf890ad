namespace Switchboard.Sip;

/// <summary>What kind of URI a <see cref="SipUri"/> holds.</summary>
public enum SipUriScheme
{
    /// <summary>Any other absolute URI (http:, isbn:, ...): kept whole, answered 416 where a SIP URI is needed.</summary>
    Other,
    Sip,
    Sips,
    /// <summary>A telephone number (RFC 3966), not a SIP URI.</summary>
    Tel,
}
