namespace Switchboard.Sip;

/// <summary>Method names of RFC 3261 and the extensions a contact center meets; methods are case-sensitive.</summary>
public static class SipMethods
{
    public static ReadOnlySpan<byte> Invite => "INVITE"u8;
    public static ReadOnlySpan<byte> Ack => "ACK"u8;
    public static ReadOnlySpan<byte> Bye => "BYE"u8;
    public static ReadOnlySpan<byte> Cancel => "CANCEL"u8;
    public static ReadOnlySpan<byte> Options => "OPTIONS"u8;
    public static ReadOnlySpan<byte> Register => "REGISTER"u8;
    public static ReadOnlySpan<byte> Info => "INFO"u8;
    public static ReadOnlySpan<byte> Update => "UPDATE"u8;
    public static ReadOnlySpan<byte> Refer => "REFER"u8;
    public static ReadOnlySpan<byte> Notify => "NOTIFY"u8;
    public static ReadOnlySpan<byte> Subscribe => "SUBSCRIBE"u8;
    public static ReadOnlySpan<byte> Message => "MESSAGE"u8;
    public static ReadOnlySpan<byte> Prack => "PRACK"u8;
}
