using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// What identifies a transaction (RFC 3261 §17.1.3, §17.2.3): the top Via's branch, its sent-by (servers only) and
/// the method, with ACK folded into INVITE so that the ACK for a non-2xx finds its INVITE server transaction. The
/// sent-by's host is compared without regard to case; a client transaction's key has none (empty host, port 0).
/// Known methods are shared strings (<see cref="SipMethods.NameOf"/>): a key costs the branch's string and, on a
/// server, the host's.
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string SentByHost, int SentByPort, string Method)
{
    /// <summary>The key of the server transaction a received request belongs to; false when its Via or CSeq is unusable.</summary>
    public static bool TryForServer(SipRequest request, out SipTransactionKey key)
    {
        key = default;
        if (!request.TryGetVias(out var vias) || !request.TryGetCSeq(out var cseq))
            return false;
        var top = vias[0];
        var method = request.IsMethod(SipMethods.Ack) ? "INVITE" : SipMethods.NameOf(request.Method.Span);
        var host = LowerCase(top.Host.Span);
        var port = top.Port ?? 0;
        if (SipBranch.IsRfc3261(top.Branch.Span))
        {
            key = new SipTransactionKey(Text(top.Branch), host, port, method);
            return true;
        }
        // An RFC 2543 peer's branch is not unique; the dialog and sequence identify its transaction instead (§17.2.3).
        request.TryGetFrom(out var from);
        request.TryGetCallId(out var callId);
        var legacy = $"2543:{Text(request.RequestUri)}|{Text(from.Tag)}|{Text(callId)}|{cseq.Number}|{Text(top.Branch)}";
        key = new SipTransactionKey(legacy, host, port, method);
        return true;
    }

    /// <summary>The key of the INVITE server transaction a received CANCEL cancels (§9.2).</summary>
    public static bool TryForCancelledInvite(SipRequest cancel, out SipTransactionKey key)
    {
        if (!TryForServer(cancel, out key))
            return false;
        key = key with { Method = "INVITE" };
        return true;
    }

    /// <summary>The key of the client transaction a received response belongs to.</summary>
    public static bool TryForClient(SipResponse response, out SipTransactionKey key)
    {
        key = default;
        if (!response.TryGetVias(out var vias) || !response.TryGetCSeq(out var cseq) || !vias[0].HasBranch)
            return false;
        key = new SipTransactionKey(Text(vias[0].Branch), "", 0, SipMethods.NameOf(cseq.Method.Span));
        return true;
    }

    /// <summary>The key of a client transaction for a request this stack sends, its top Via already set.</summary>
    public static SipTransactionKey ForClient(SipRequest request) =>
        request.TryGetVias(out var vias) && vias[0].HasBranch
            ? new SipTransactionKey(Text(vias[0].Branch), "", 0, SipMethods.NameOf(request.Method.Span))
            : throw new ArgumentException("A request needs a top Via with a branch before it is sent.", nameof(request));

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    // Hosts are ASCII (RFC 3261 §25.1), and almost always written in lower case: then one string, not two.
    private static string LowerCase(ReadOnlySpan<byte> host)
    {
        var text = Encoding.UTF8.GetString(host);
        return text.AsSpan().ContainsAnyInRange('A', 'Z') ? text.ToLowerInvariant() : text;
    }
}
