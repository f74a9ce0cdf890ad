using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// What identifies a transaction (RFC 3261 §17.1.3, §17.2.3): the top Via's branch, its sent-by (servers only) and
/// the method, with ACK folded into INVITE so that the ACK for a non-2xx finds its INVITE server transaction.
/// </summary>
public readonly record struct SipTransactionKey(string Branch, string SentBy, string Method)
{
    /// <summary>The key of the server transaction a received request belongs to; false when its Via or CSeq is unusable.</summary>
    public static bool TryForServer(SipRequest request, out SipTransactionKey key)
    {
        key = default;
        if (!request.TryGetVias(out var vias) || !request.TryGetCSeq(out var cseq))
            return false;
        var top = vias[0];
        var method = request.IsMethod(SipMethods.Ack) ? "INVITE" : Text(request.Method);
        var sentBy = $"{Text(top.Host).ToLowerInvariant()}:{top.Port ?? 0}";
        if (SipBranch.IsRfc3261(top.Branch.Span))
        {
            key = new SipTransactionKey(Text(top.Branch), sentBy, method);
            return true;
        }
        // An RFC 2543 peer's branch is not unique; the dialog and sequence identify its transaction instead (§17.2.3).
        request.TryGetFrom(out var from);
        request.TryGetCallId(out var callId);
        var legacy = $"2543:{Text(request.RequestUri)}|{Text(from.Tag)}|{Text(callId)}|{cseq.Number}|{Text(top.Branch)}";
        key = new SipTransactionKey(legacy, sentBy, method);
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
        key = new SipTransactionKey(Text(vias[0].Branch), "", Text(cseq.Method));
        return true;
    }

    /// <summary>The key of a client transaction for a request this stack sends, its top Via already set.</summary>
    public static SipTransactionKey ForClient(SipRequest request) =>
        request.TryGetVias(out var vias) && vias[0].HasBranch
            ? new SipTransactionKey(Text(vias[0].Branch), "", Text(request.Method))
            : throw new ArgumentException("A request needs a top Via with a branch before it is sent.", nameof(request));

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
