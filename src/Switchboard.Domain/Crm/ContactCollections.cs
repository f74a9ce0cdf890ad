namespace Switchboard.Domain.Crm;

/// <summary>
/// Brings a contact's list to a wanted state item by item, keyed: items that stay keep their identity (so storage
/// updates them in place rather than deleting and re-inserting rows with the same key).
/// </summary>
internal static class ContactCollections
{
    public static void Sync<T, TKey>(List<T> current, IEnumerable<T> wanted, Func<T, TKey> key, Action<T, T> update)
        where TKey : notnull
    {
        var wantedByKey = new Dictionary<TKey, T>();
        var order = new List<TKey>();
        foreach (var item in wanted)
        {
            if (wantedByKey.TryAdd(key(item), item))
                order.Add(key(item));
        }

        current.RemoveAll(item => !wantedByKey.ContainsKey(key(item)));
        var kept = current.ToDictionary(key);
        foreach (var itemKey in order)
        {
            if (kept.TryGetValue(itemKey, out var existing))
                update(existing, wantedByKey[itemKey]);
            else
                current.Add(wantedByKey[itemKey]);
        }
    }
}
