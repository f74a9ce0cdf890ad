using Microsoft.AspNetCore.Components.Forms;

namespace Switchboard.Server.Components.Pages.Admin;

/// <summary>The upload form on the Sounds page: a name and the chosen WAV file, read only when Upload is pressed.</summary>
public sealed class SoundUpload
{
    public string? Name { get; set; }

    public IBrowserFile? File { get; set; }
}
