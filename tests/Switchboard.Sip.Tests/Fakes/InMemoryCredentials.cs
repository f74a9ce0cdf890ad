using Switchboard.Sip.Authentication;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>Users and passwords of a test, kept as the user store keeps them: HA1s only.</summary>
public sealed class InMemoryCredentials : ISipCredentialLookup
{
    private readonly Dictionary<string, SipDigestCredentials> _users = [];

    public InMemoryCredentials(string realm, params (string User, string Password)[] users)
    {
        foreach (var (user, password) in users)
        {
            _users[user] = new SipDigestCredentials(
                DigestCalculator.Ha1(DigestAlgorithm.Md5, user, realm, password),
                DigestCalculator.Ha1(DigestAlgorithm.Sha256, user, realm, password));
        }
    }

    public ValueTask<SipDigestCredentials?> FindAsync(string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.GetValueOrDefault(username));
}
