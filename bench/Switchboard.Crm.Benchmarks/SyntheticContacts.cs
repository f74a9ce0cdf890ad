using System.Globalization;
using Switchboard.Domain.Crm;

namespace Switchboard.Crm.Benchmarks;

/// <summary>
/// A reproducible population of contacts. Names are a common first name and a made-up last name (8,000 of them),
/// so single words match thousands of contacts and full names a handful, as in a real address book. Every contact
/// has a unique mobile number, one in ten a work number shared with nine others (an office switchboard), an e-mail,
/// a customer number and a tier; one in ten is labelled VIP.
/// </summary>
internal static class SyntheticContacts
{
    public const string VipLabel = "VIP";

    private static readonly string[] FirstNames =
    [
        "Ann", "Anna", "Annika", "Ben", "Bruno", "Carla", "Chen", "David", "Elena", "Emma", "Farah", "Felix", "Grace", "Hana",
        "Ivan", "Jonas", "Julia", "Karim", "Lea", "Liam", "Lucia", "Maya", "Mohammed", "Nina", "Noah", "Olga", "Omar", "Paul",
        "Priya", "Rosa", "Sam", "Sara", "Tom", "Ursula", "Victor", "Wei", "Yara", "Zoë",
    ];

    private static readonly string[] Syllables =
    [
        "ber", "ka", "lin", "dor", "mo", "sen", "vik", "ta", "ro", "gan", "el", "stru", "pa", "ni", "hol", "qui", "zen", "far",
        "wu", "mel",
    ];

    private static readonly string[] Tiers = ["gold", "silver", "bronze"];

    public static SyntheticContact Create(int index)
    {
        var first = FirstNames[index % FirstNames.Length];
        var last = LastName(index / FirstNames.Length % 8000);
        var name = $"{first} {last}";
        var id = new Guid(index, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var phones = new List<(string, string, bool)> { (MobileNumber(index), "Mobile", true) };
        if (index % 10 == 0)
            phones.Add((OfficeNumber(index), "Work", false));
        return new SyntheticContact(
            id,
            name,
            ContactName.Fold(name),
            ContactName.Words(name),
            phones,
            string.Create(CultureInfo.InvariantCulture, $"{ContactName.Fold(first)}.{last.ToLowerInvariant()}.{index}@example.com"),
            [("customer no", CustomerNumber(index)), ("tier", Tiers[index % Tiers.Length])],
            index % 10 == 3);
    }

    /// <summary>Unique per contact: +1 415 2xx xxxx style, 11 digits.</summary>
    public static string MobileNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"+1415{2_000_000 + index:D7}");

    /// <summary>Of every hundred contacts, the ten that have a work number share this one.</summary>
    public static string OfficeNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"+4420{7_000_000 + index / 100:D7}");

    public static string CustomerNumber(int index) => string.Create(CultureInfo.InvariantCulture, $"C-{index:D7}");

    public static string LastName(int number)
    {
        var last = string.Concat(Syllables[number % 20], Syllables[number / 20 % 20], Syllables[number / 400 % 20]);
        return char.ToUpperInvariant(last[0]) + last[1..];
    }
}
