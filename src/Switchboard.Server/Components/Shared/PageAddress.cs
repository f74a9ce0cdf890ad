using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Switchboard.Server.Components.Shared;

/// <summary>Where an admin page's address points: its list, a new item's editor, or an item's editor.</summary>
public sealed record PageAddress(bool IsNew, Guid? Id)
{
    public static readonly PageAddress List = new(false, null);

    /// <summary>The address under <paramref name="listPath"/>, or null when the browser is elsewhere.</summary>
    public static PageAddress? Read(NavigationManager navigation, string listPath)
    {
        var path = navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0].TrimEnd('/');
        if (path == listPath)
            return List;
        if (!path.StartsWith(listPath + "/", StringComparison.Ordinal))
            return null;
        var rest = path[(listPath.Length + 1)..];
        if (rest == "new")
            return new PageAddress(true, null);
        return Guid.TryParse(rest, CultureInfo.InvariantCulture, out var id) ? new PageAddress(false, id) : null;
    }
}
