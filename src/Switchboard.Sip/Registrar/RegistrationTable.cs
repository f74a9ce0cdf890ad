namespace Switchboard.Sip.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): bindings per user, each removed by a timer when it expires. Events are
/// raised after the table is updated and its lock released.
/// </summary>
public sealed class RegistrationTable
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Dictionary<string, Entry>> _users = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RegistrationTable(TimeProvider time) => _time = time;

    /// <summary>A device registered a new contact.</summary>
    public event EventHandler<SipBindingEventArgs>? DeviceRegistered;

    /// <summary>A device registered a contact it had already: the binding's expiry (and CSeq) changed.</summary>
    public event EventHandler<SipBindingEventArgs>? DeviceRefreshed;

    /// <summary>A contact was removed by its device, expired, or was replaced by a newer one beyond the cap.</summary>
    public event EventHandler<SipBindingEventArgs>? DeviceUnregistered;

    /// <summary>The current contacts of a user, most preferred (highest q) first.</summary>
    public IReadOnlyList<SipBinding> GetContacts(string user)
    {
        lock (_gate)
        {
            return _users.TryGetValue(user, out var contacts)
                ? [.. contacts.Values.Select(entry => entry.Binding).OrderByDescending(binding => binding.Q ?? 1.0)]
                : [];
        }
    }

    /// <summary>
    /// Adds or refreshes a binding (same user and contact URI). A new binding beyond <paramref name="maxPerUser"/>
    /// replaces the user's binding that expires first, so the list (and the 200 OK that carries it) stays bounded
    /// while a phone that changed its contact without unregistering still gets in.
    /// </summary>
    public void Bind(SipBinding binding, int maxPerUser)
    {
        bool added;
        SipBinding? replaced = null;
        lock (_gate)
        {
            if (!_users.TryGetValue(binding.User, out var contacts))
                _users[binding.User] = contacts = new Dictionary<string, Entry>(StringComparer.Ordinal);
            added = !contacts.TryGetValue(binding.ContactUri, out var existing);
            existing?.Timer.Dispose();
            if (added && contacts.Count >= maxPerUser)
            {
                var oldest = contacts.Values.MinBy(entry => entry.Binding.Expires)!;
                oldest.Timer.Dispose();
                contacts.Remove(oldest.Binding.ContactUri);
                replaced = oldest.Binding;
            }
            var entry = new Entry(binding);
            contacts[binding.ContactUri] = entry;
            var lifetime = binding.Expires - _time.GetUtcNow();
            entry.Timer = _time.CreateTimer(_ => Expire(entry), null, lifetime > TimeSpan.Zero ? lifetime : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        if (replaced is not null)
            DeviceUnregistered?.Invoke(this, new SipBindingEventArgs(replaced, SipBindingChange.Replaced));
        if (added)
            DeviceRegistered?.Invoke(this, new SipBindingEventArgs(binding, SipBindingChange.Registered));
        else
            DeviceRefreshed?.Invoke(this, new SipBindingEventArgs(binding, SipBindingChange.Registered));
    }

    /// <summary>Removes one binding of a user; false when there was none.</summary>
    public bool Unbind(string user, string contactUri)
    {
        SipBinding? removed = null;
        lock (_gate)
        {
            if (_users.TryGetValue(user, out var contacts) && contacts.Remove(contactUri, out var entry))
            {
                entry.Timer.Dispose();
                removed = entry.Binding;
                if (contacts.Count == 0)
                    _users.Remove(user);
            }
        }
        if (removed is not null)
            DeviceUnregistered?.Invoke(this, new SipBindingEventArgs(removed, SipBindingChange.Unregistered));
        return removed is not null;
    }

    /// <summary>Removes every binding of a user (Contact: *).</summary>
    public void UnbindAll(string user)
    {
        foreach (var binding in GetContacts(user))
            Unbind(user, binding.ContactUri);
    }

    private void Expire(Entry entry)
    {
        var binding = entry.Binding;
        lock (_gate)
        {
            // A refresh replaced the entry meanwhile: this timer belongs to the old one.
            if (!_users.TryGetValue(binding.User, out var contacts) || !contacts.TryGetValue(binding.ContactUri, out var current)
                || !ReferenceEquals(current, entry))
            {
                return;
            }
            contacts.Remove(binding.ContactUri);
            if (contacts.Count == 0)
                _users.Remove(binding.User);
            entry.Timer.Dispose();
        }
        DeviceUnregistered?.Invoke(this, new SipBindingEventArgs(binding, SipBindingChange.Expired));
    }

    private sealed class Entry
    {
        public Entry(SipBinding binding) => Binding = binding;

        public SipBinding Binding { get; }

        public ITimer Timer { get; set; } = null!;
    }
}
