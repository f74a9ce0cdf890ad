using System.Globalization;
using System.Text;
using Switchboard.Sip.Authentication;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3): authenticates REGISTER with digest, then adds, refreshes, removes or lists the
/// bindings of the address-of-record, which is the user part of the To URI. Hook it up with
/// <c>endpoint.Handle("REGISTER", registrar.HandleAsync)</c>.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipAuthenticator _authenticator;
    private readonly RegistrationTable _table;
    private readonly SipRegistrarOptions _options;
    private readonly TimeProvider _time;

    public SipRegistrar(SipAuthenticator authenticator, RegistrationTable table, SipRegistrarOptions options, TimeProvider time)
    {
        _authenticator = authenticator;
        _table = table;
        _options = options;
        _time = time;
    }

    public async ValueTask HandleAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        var response = await DecideAsync(transaction, cancellationToken).ConfigureAwait(false);
        await transaction.SendResponseAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SipResponse> DecideAsync(SipServerTransaction transaction, CancellationToken cancellationToken)
    {
        var request = transaction.Request;
        var authentication = await _authenticator.AuthenticateAsync(transaction, proxy: false, cancellationToken).ConfigureAwait(false);
        if (authentication.Answer is { } answer)
            return answer;
        if (!request.TryGetTo(out var to) || !to.Uri.IsSip || !to.Uri.HasUser)
            return transaction.CreateResponse(404, "No User In To");
        var user = Encoding.UTF8.GetString(to.Uri.User.Span);
        // Credentials of one user do not register another (§10.3 step 4).
        if (authentication.Username != user)
            return transaction.CreateResponse(403, "Credentials Do Not Match To");
        if (!request.Headers.Contains(SipHeaderNames.Contact))
            return Bindings(transaction, user);
        if (!request.TryGetContacts(out var contacts))
            return transaction.CreateResponse(400, "Bad Contact");
        uint? requestExpires = null;
        if (request.Headers.Contains(SipHeaderNames.Expires))
        {
            if (!request.TryGetExpires(out var seconds))
                return transaction.CreateResponse(400, "Bad Expires");
            requestExpires = seconds;
        }
        if (contacts.IsWildcard)
        {
            if (requestExpires != 0)
                return transaction.CreateResponse(400, "Contact * Needs Expires 0");
            _table.UnbindAll(user);
            return Bindings(transaction, user);
        }
        return Update(transaction, user, contacts, requestExpires);
    }

    private SipResponse Update(SipServerTransaction transaction, string user, ContactList contacts, uint? requestExpires)
    {
        var request = transaction.Request;
        var changes = new List<(string Uri, uint Expires, double? Q)>();
        foreach (var contact in contacts.Contacts)
        {
            var expires = contact.Expires ?? requestExpires ?? _options.DefaultExpires;
            if (expires != 0 && expires < _options.MinExpires)
            {
                var tooBrief = transaction.CreateResponse(423);
                tooBrief.Headers.Add("Min-Expires", _options.MinExpires.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }
            changes.Add((contact.Uri.ToString(), Math.Min(expires, _options.MaxExpires), contact.Q));
        }
        request.TryGetCallId(out var callIdBytes);
        request.TryGetCSeq(out var cseq);
        var callId = Encoding.UTF8.GetString(callIdBytes.Span);
        var current = _table.GetContacts(user);
        // A REGISTER older than the one that made a binding must not undo it (§10.3 step 7).
        if (changes.Any(change => current.Any(b => b.ContactUri == change.Uri && b.CallId == callId && b.CSeq >= cseq.Number)))
            return transaction.CreateResponse(400, "Out Of Order CSeq");
        var now = _time.GetUtcNow();
        foreach (var (uri, expires, q) in changes)
        {
            if (expires == 0)
                _table.Unbind(user, uri);
            else
                _table.Bind(new SipBinding(user, uri, transaction.Received.Source, now.AddSeconds(expires), callId, cseq.Number, q), _options.MaxBindingsPerUser);
        }
        return Bindings(transaction, user);
    }

    /// <summary>200 OK listing every current binding with its remaining time (§10.3 step 8).</summary>
    private SipResponse Bindings(SipServerTransaction transaction, string user)
    {
        var ok = transaction.CreateResponse(200);
        var now = _time.GetUtcNow();
        foreach (var binding in _table.GetContacts(user))
        {
            var remaining = (long)Math.Max(0, Math.Ceiling((binding.Expires - now).TotalSeconds));
            ok.Headers.Add("Contact", $"<{binding.ContactUri}>;expires={remaining}");
        }
        ok.Headers.Add("Date", now.ToString("r", CultureInfo.InvariantCulture));
        return ok;
    }
}
