using System.Text;

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

    private static readonly string[] Known =
        ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "UPDATE", "REFER", "NOTIFY", "SUBSCRIBE", "MESSAGE", "PRACK"];

    /// <summary>The method as text: one shared string for each known method, so that naming one allocates nothing.</summary>
    public static string NameOf(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (Ascii.Equals(method, known))
                return known;
        }

        return Encoding.UTF8.GetString(method);
    }
}
