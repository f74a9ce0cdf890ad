namespace Switchboard.Sip.Headers;

/// <summary>Who refreshes a session (RFC 4028 §4): the UAC or the UAS of the transaction that carried the header.</summary>
public enum SessionRefresher
{
    Uac,
    Uas,
}
