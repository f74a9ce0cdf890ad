namespace Switchboard.Media.Rtp;

/// <summary>A DTMF digit the peer pressed, as RFC 4733 telephone events told.</summary>
public sealed class DtmfDigitEventArgs(char digit) : EventArgs
{
    public char Digit { get; } = digit;
}
