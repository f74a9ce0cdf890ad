using System.Globalization;
using System.Text;

namespace Switchboard.Domain.Crm;

/// <summary>
/// How names are compared and searched: folded to lower case without accents ("Zoë  Müller" → "zoe muller"),
/// and split into words. Name search matches contacts having, for every word typed, a name word that starts
/// with it: "ann sm" finds "Ann Smith" and "Smithers, Anna", not "Joanna Smith".
/// </summary>
public static class ContactName
{
    /// <summary>Longer name words are cut to this length in the word index; search terms are cut alike.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Lower case, accents removed, runs of white space made one space, trimmed.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";

        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
                folded.Append(' ');
            space = false;
            folded.Append(c);
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The distinct folded words of <paramref name="text"/>, split at anything that is not a letter or digit.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var word = folded[start..Math.Min(i, start + MaxWordLength)];
                if (!words.Contains(word, StringComparer.Ordinal))
                    words.Add(word);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// The first string after every string that starts with <paramref name="prefix"/> in ordinal order, so that
    /// "starts with" is the range [prefix, bound): a range an ordinary B-tree index answers.
    /// </summary>
    public static string PrefixUpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var last = prefix.Length - 1;
        // char.MaxValue cannot be incremented; dropping it widens the range to the shorter prefix's.
        while (last >= 0 && prefix[last] == char.MaxValue)
            last--;
        return last < 0 ? prefix + char.MaxValue : prefix[..last] + (char)(prefix[last] + 1);
    }
}
