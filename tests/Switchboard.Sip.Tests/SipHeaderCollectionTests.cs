namespace Switchboard.Sip.Tests;

public class SipHeaderCollectionTests
{
    [Fact]
    public void Added_compact_name_is_stored_and_found_under_the_full_name()
    {
        var headers = new SipHeaderCollection();

        headers.Add("i", "abc@host");

        Assert.Equal("Call-ID", headers[0].Name.Text());
        Assert.True(headers.TryGetValue("CALL-ID"u8, out var value));
        Assert.Equal("abc@host", value.Text());
        Assert.True(headers.Contains("i"u8));
    }

    [Fact]
    public void Unknown_header_keeps_its_spelling_and_is_found_in_any_case()
    {
        var headers = new SipHeaderCollection();

        headers.Add("X-Queue-Name", "sales");

        Assert.Equal("X-Queue-Name", headers[0].Name.Text());
        Assert.True(headers.TryGetValue("x-queue-name"u8, out _));
    }

    [Fact]
    public void Set_replaces_every_line_in_the_place_of_the_first()
    {
        var headers = new SipHeaderCollection();
        headers.Add("Via", "SIP/2.0/UDP a;branch=z9hG4bK1");
        headers.Add("Route", "<sip:p1;lr>");
        headers.Add("From", "<sip:a@b>;tag=1");
        headers.Add("Route", "<sip:p2;lr>");

        headers.Set("Route", "<sip:p3;lr>");

        Assert.Equal(["Via", "Route", "From"], headers.Select(h => h.Name.Text()));
        Assert.Equal("<sip:p3;lr>", headers[1].Value.Text());
    }

    [Fact]
    public void Remove_takes_out_every_line_and_counts_them()
    {
        var headers = new SipHeaderCollection();
        headers.Add("Via", "SIP/2.0/UDP a");
        headers.Add("v", "SIP/2.0/UDP b");
        headers.Add("To", "<sip:a@b>");

        Assert.Equal(2, headers.Remove("Via"u8));
        Assert.Equal(0, headers.CountLines("Via"u8));
        Assert.Single(headers);
    }

    [Theory]
    [InlineData("Bad Name", "value")]
    [InlineData("", "value")]
    [InlineData("Subject", "two\r\nlines")]
    public void Header_that_would_break_the_wire_format_is_refused(string name, string value)
    {
        var headers = new SipHeaderCollection();

        Assert.Throws<ArgumentException>(() => headers.Add(name, value));
    }
}
