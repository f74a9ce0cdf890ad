using System.Text;
using Microsoft.Playwright;
using Switchboard.Browser.Tests.Infrastructure;
using Switchboard.Media.Audio;
using static Microsoft.Playwright.Assertions;

namespace Switchboard.Browser.Tests.Components.Pages.Admin;

[Collection(SwitchboardSiteCollection.Name)]
public sealed class SoundsPageTests(SwitchboardSite site)
{
    [Fact]
    public async Task Uploaded_sound_is_listed_with_its_length_and_plays()
    {
        var name = $"Greeting {Guid.NewGuid():N}"[..17];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/sounds");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.Locator("input[type=file]").SetInputFilesAsync(Wav("greeting.wav", TimeSpan.FromSeconds(2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Expect(page.GetByText($"Sound {name} uploaded.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.GetByLabel("Search sounds").FillAsync(name);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("0:02");
        var player = row.GetByLabel($"Play {name}");
        var audio = await page.APIRequest.GetAsync(await player.GetAttributeAsync("src") ?? "");
        Assert.Equal(200, audio.Status);
        Assert.StartsWith("RIFF", Encoding.ASCII.GetString(await audio.BodyAsync(), 0, 4));
    }

    [Fact]
    public async Task A_file_that_is_not_a_wav_is_refused_with_the_reason()
    {
        var notWav = Encoding.UTF8.GetBytes("these are not the sounds you are looking for");
        Assert.False(WavNormalizer.TryNormalize(notWav, out _, out var reason));
        var name = $"Noise {Guid.NewGuid():N}"[..14];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/sounds");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "notes.wav", MimeType = "audio/wav", Buffer = notWav });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Expect(page.GetByTestId("error-file")).ToHaveTextAsync($"The file was refused: {reason}.");
        await Expect(page.GetByText("The sound was not uploaded: see the messages under the fields.")).ToBeVisibleAsync();
        await page.GetByLabel("Search sounds").FillAsync(name);
        await Expect(page.GetByText("No sounds to show.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Uploading_without_a_file_asks_for_one()
    {
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/sounds");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("No file");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Expect(page.GetByTestId("error-file")).ToHaveTextAsync("Choose a WAV file to upload.");
    }

    [Fact]
    public async Task Renamed_sound_is_listed_under_its_new_name_and_a_delete_asks_first()
    {
        var name = $"Hold {Guid.NewGuid():N}"[..13];
        await using var browser = await site.OpenBrowserAsync();
        var page = browser.Page;
        await page.LogInAsAdminAsync();
        await page.GotoAsync("/admin/sounds");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.Locator("input[type=file]").SetInputFilesAsync(Wav("hold.wav", TimeSpan.FromSeconds(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByText($"Sound {name} uploaded.")).ToBeVisibleAsync();

        await page.GetByLabel("Search sounds").FillAsync(name);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Rename sound {name}" }).ClickAsync();
        await page.GetByLabel("New name").FillAsync($"{name} renamed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"Sound {name} renamed saved.")).ToBeVisibleAsync();

        await page.GetByLabel("Search sounds").FillAsync(name);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{name} renamed" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete sound {name} renamed" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText($"Sound {name} renamed deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No sounds to show.")).ToBeVisibleAsync();
    }

    private static FilePayload Wav(string fileName, TimeSpan length)
    {
        var samples = new short[(int)(8000 * length.TotalSeconds)];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000));
        return new FilePayload { Name = fileName, MimeType = "audio/wav", Buffer = WavFile.WritePcm16Mono(samples, 8000) };
    }
}
