using System.Net;
using Switchboard.Sip.Authentication;

namespace Switchboard.Sip.Tests.Fakes;

/// <summary>A guard that never blocks and remembers the failures it was told of.</summary>
public sealed class NoLimits : ISipAuthenticationGuard
{
    public List<(IPEndPoint Source, string Username, string Method, DigestVerdict Verdict)> Failures { get; } = [];

    public TimeSpan RefusedFor(IPEndPoint source, string? username) => TimeSpan.Zero;

    public void Failed(IPEndPoint source, string username, string method, DigestVerdict verdict) => Failures.Add((source, username, method, verdict));

    public void Succeeded(IPEndPoint source, string username)
    {
    }
}
