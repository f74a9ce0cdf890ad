using System.Text;

namespace Switchboard.Testing.Fuzz;

/// <summary>What the fuzz runs mutate: every RFC 4475 message, the captures of real peers, and a few everyday requests written here.</summary>
public static class SipFuzzCorpus
{
    public static IReadOnlyList<byte[]> Load()
    {
        var folder = AppContext.BaseDirectory;
        return
        [
            .. Directory.GetFiles(Path.Combine(folder, "TortureMessages"), "*.dat").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            .. Directory.GetFiles(Path.Combine(folder, "Captures"), "*.sip").Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            Request("OPTIONS", "z9hG4bKcorpus1"),
            Request("OPTIONS", "z9hG4bKcorpus2", "Require: 100rel\nRoute: <sip:127.0.0.1;lr>\n"),
            Request("BYE", "z9hG4bKcorpus3"),
            Request("CANCEL", "z9hG4bKcorpus4"),
            Request("ACK", "z9hG4bKcorpus5"),
            Wire("SIP/2.0 200 OK\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKstray\nFrom: <sip:a@127.0.0.1>;tag=1\n" +
                "To: <sip:b@127.0.0.1>;tag=2\nCall-ID: stray@127.0.0.1\nCSeq: 1 INVITE\nContent-Length: 0\n\n"),
        ];
    }

    private static byte[] Request(string method, string branch, string extraHeaders = "") => Wire($"""
        {method} sip:service@127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:5060;branch={branch};rport
        Max-Forwards: 70
        From: <sip:probe@127.0.0.1>;tag=probe1
        To: <sip:service@127.0.0.1>
        Call-ID: {branch}@127.0.0.1
        CSeq: 1 {method}
        {extraHeaders}Content-Length: 0


        """);

    private static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
