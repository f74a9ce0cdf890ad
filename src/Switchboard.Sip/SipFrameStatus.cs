namespace Switchboard.Sip;

/// <summary>What a stream framer found in the buffered bytes.</summary>
public enum SipFrameStatus
{
    /// <summary>No whole message yet; read more (after discarding <see cref="SipFrame.KeepAliveLength"/> bytes).</summary>
    NeedMoreData,
    /// <summary>A whole message of <see cref="SipFrame.MessageLength"/> bytes follows the keep-alives.</summary>
    Message,
    /// <summary>The stream cannot be framed (oversize headers, bad or missing Content-Length): close the connection.</summary>
    Invalid,
}
