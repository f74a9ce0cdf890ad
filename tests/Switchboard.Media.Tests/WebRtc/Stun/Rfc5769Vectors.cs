namespace Switchboard.Media.Tests.WebRtc.Stun;

/// <summary>The sample messages of RFC 5769 §2, byte for byte as the RFC prints them.</summary>
internal static class Rfc5769Vectors
{
    public const string Password = "VOkJxbRl1RmTxUk/WvJxBt";

    public static byte[] TransactionId => Convert.FromHexString("b7e7a701bc34d686fa87dfae");

    /// <summary>§2.1: SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME "evtj:h6vY", MESSAGE-INTEGRITY, FINGERPRINT.</summary>
    public static byte[] Request => Convert.FromHexString(
        "000100582112a442b7e7a701bc34d686fa87dfae"
        + "80220010" + "5354554e2074657374" + "20636c69656e74"
        + "00240004" + "6e0001ff"
        + "80290008" + "932ff9b151263b36"
        + "00060009" + "6576746a3a68367659202020"
        + "00080014" + "9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
        + "80280004" + "e57a3bcf");

    /// <summary>§2.2: SOFTWARE "test vector", XOR-MAPPED-ADDRESS 192.0.2.1:32853, MESSAGE-INTEGRITY, FINGERPRINT.</summary>
    public static byte[] IPv4Response => Convert.FromHexString(
        "0101003c2112a442b7e7a701bc34d686fa87dfae"
        + "8022000b" + "7465737420766563746f7220"
        + "00200008" + "0001a147e112a643"
        + "00080014" + "2b91f599fd9e90c38c7489f92af9ba53f06be7d7"
        + "80280004" + "c07d4c96");

    /// <summary>§2.3: as §2.2 with XOR-MAPPED-ADDRESS [2001:db8:1234:5678:11:2233:4455:6677]:32853.</summary>
    public static byte[] IPv6Response => Convert.FromHexString(
        "010100482112a442b7e7a701bc34d686fa87dfae"
        + "8022000b" + "7465737420766563746f7220"
        + "00200014" + "0002a1470113a9faa5d3f179bc25f4b5bed2b9d9"
        + "00080014" + "a382954e4be67bf11784c97c8292c275bfe3ed41"
        + "80280004" + "c8fb0b4c");
}
