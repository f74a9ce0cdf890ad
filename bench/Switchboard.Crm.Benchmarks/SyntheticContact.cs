namespace Switchboard.Crm.Benchmarks;

/// <summary>One seeded contact with its rows, in stored form.</summary>
internal sealed record SyntheticContact(
    Guid Id,
    string Name,
    string SortKey,
    IReadOnlyList<string> Words,
    IReadOnlyList<(string Number, string Type, bool Primary)> Phones,
    string Email,
    IReadOnlyList<(string Key, string Value)> Attributes,
    bool Vip);
