using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>Reading, writing and answering a=setup (RFC 5763 §5).</summary>
public static class DtlsSetups
{
    public static bool TryParse(string? value, out DtlsSetup setup)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "active":
                setup = DtlsSetup.Active;
                return true;
            case "passive":
                setup = DtlsSetup.Passive;
                return true;
            case "actpass":
                setup = DtlsSetup.ActPass;
                return true;
            case "holdconn":
                setup = DtlsSetup.HoldConn;
                return true;
            default:
                setup = default;
                return false;
        }
    }

    public static string Format(DtlsSetup setup) => setup switch
    {
        DtlsSetup.Active => "active",
        DtlsSetup.Passive => "passive",
        DtlsSetup.ActPass => "actpass",
        DtlsSetup.HoldConn => "holdconn",
        _ => throw new ArgumentOutOfRangeException(nameof(setup), setup, null),
    };

    /// <summary>
    /// Our answer to the offer's setup: passive (we are the DTLS server, the browser sends the first
    /// flight, which suits an ICE-lite agent that only ever answers) unless the offerer insists on being
    /// passive itself. False for holdconn: there is no association to answer.
    /// </summary>
    public static bool TryAnswer(DtlsSetup offered, [NotNullWhen(true)] out DtlsSetup? answer)
    {
        answer = offered switch
        {
            DtlsSetup.ActPass or DtlsSetup.Active => DtlsSetup.Passive,
            DtlsSetup.Passive => DtlsSetup.Active,
            _ => null,
        };
        return answer is not null;
    }

    /// <summary>The handshake role our own a=setup value gives us.</summary>
    public static DtlsRole RoleOf(DtlsSetup ours) => ours switch
    {
        DtlsSetup.Passive => DtlsRole.Server,
        DtlsSetup.Active => DtlsRole.Client,
        _ => throw new ArgumentException($"a=setup:{Format(ours)} does not settle the DTLS role", nameof(ours)),
    };
}
