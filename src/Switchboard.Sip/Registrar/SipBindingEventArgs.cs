namespace Switchboard.Sip.Registrar;

public sealed class SipBindingEventArgs : EventArgs
{
    public SipBindingEventArgs(SipBinding binding, SipBindingChange change)
    {
        Binding = binding;
        Change = change;
    }

    public SipBinding Binding { get; }

    public SipBindingChange Change { get; }
}
