namespace Switchboard.Sip.Tests.Fakes;

/// <summary>Hand-written requests for loopback tests; {port} is the sending peer's port.</summary>
internal static class Requests
{
    public static string Options(string branch = "z9hG4bKopt1", string transport = "UDP", string extraHeaders = "") => $"""
        OPTIONS sip:service@127.0.0.1 SIP/2.0
        Via: SIP/2.0/{transport} 127.0.0.1:{"{port}"};branch={branch};rport
        Max-Forwards: 70
        From: <sip:probe@127.0.0.1>;tag=probe1
        To: <sip:service@127.0.0.1>
        Call-ID: {branch}@127.0.0.1
        CSeq: 1 OPTIONS
        {extraHeaders}Content-Length: 0


        """;
}
