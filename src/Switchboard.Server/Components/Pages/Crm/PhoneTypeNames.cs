using Switchboard.Domain.Crm;

namespace Switchboard.Server.Components.Pages.Crm;

/// <summary>How the pages name phone types.</summary>
public static class PhoneTypeNames
{
    public static string Of(PhoneType type) => type switch
    {
        PhoneType.Mobile => "Mobile",
        PhoneType.Work => "Work",
        PhoneType.Home => "Home",
        _ => "Other",
    };
}
