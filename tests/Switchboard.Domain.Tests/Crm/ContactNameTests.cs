using Switchboard.Domain.Crm;

namespace Switchboard.Domain.Tests.Crm;

public class ContactNameTests
{
    [Theory]
    [InlineData("Zoë  Müller", "zoe muller")]
    [InlineData("  ÅSA\tLindén ", "asa linden")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_are_folded_to_lower_case_without_accents_and_extra_spaces(string? name, string folded) =>
        Assert.Equal(folded, ContactName.Fold(name));

    [Fact]
    public void Name_words_are_split_at_punctuation_and_listed_once()
    {
        Assert.Equal(["smithers", "anna", "o", "neil"], ContactName.Words("Smithers, Anna O'Neil"));
        Assert.Equal(["ann"], ContactName.Words("Ann ANN ann."));
        Assert.Equal(["acme", "gmbh", "co", "kg"], ContactName.Words("ACME GmbH & Co. KG"));
    }

    [Fact]
    public void Very_long_words_are_cut_so_that_a_search_term_cut_alike_still_matches()
    {
        var longWord = new string('x', ContactName.MaxWordLength + 10);

        Assert.Equal([new string('x', ContactName.MaxWordLength)], ContactName.Words(longWord));
    }

    [Theory]
    [InlineData("ann", "ano")]
    [InlineData("z", "{")]
    [InlineData("a\uffff", "b")]
    public void The_prefix_range_ends_at_the_first_string_that_no_longer_starts_with_the_prefix(string prefix, string bound)
    {
        Assert.Equal(bound, ContactName.PrefixUpperBound(prefix));
        Assert.True(string.CompareOrdinal(prefix + "zzzz", bound) < 0);
        Assert.True(string.CompareOrdinal(prefix, bound) < 0);
    }
}
