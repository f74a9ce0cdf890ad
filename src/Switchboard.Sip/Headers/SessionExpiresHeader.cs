using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Headers;

/// <summary>
/// Session-Expires = delta-seconds *(SEMI se-params), se-params = refresher-param / generic-param,
/// refresher-param = "refresher" EQUAL ("uas" / "uac") (RFC 4028 §4). A refresher this parser does not know is
/// treated as absent, so the side that answers decides.
/// </summary>
public sealed record SessionExpiresHeader(uint Seconds, SessionRefresher? Refresher)
{
    public static bool TryParse(ReadOnlySpan<byte> value, out SessionExpiresHeader header)
    {
        header = null!;
        var semicolon = value.IndexOf((byte)';');
        if (!SipHeaderValues.TryParseDeltaSeconds(semicolon < 0 ? value : value[..semicolon], out var seconds))
            return false;
        SessionRefresher? refresher = null;
        var parameters = semicolon < 0 ? [] : Encoding.UTF8.GetString(value[(semicolon + 1)..]).Split(';');
        foreach (var pair in parameters.Select(parameter => parameter.Split('=', 2)))
        {
            if (pair.Length == 2 && pair[0].Trim().Equals("refresher", StringComparison.OrdinalIgnoreCase))
            {
                refresher = pair[1].Trim().ToUpperInvariant() switch
                {
                    "UAC" => SessionRefresher.Uac,
                    "UAS" => SessionRefresher.Uas,
                    _ => null,
                };
            }
        }

        header = new SessionExpiresHeader(seconds, refresher);
        return true;
    }

    public override string ToString() => Refresher switch
    {
        SessionRefresher.Uac => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uac"),
        SessionRefresher.Uas => string.Create(CultureInfo.InvariantCulture, $"{Seconds};refresher=uas"),
        _ => Seconds.ToString(CultureInfo.InvariantCulture),
    };
}
