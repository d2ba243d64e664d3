namespace SeqGan.Research.Display;

/// <summary>The MIME types of a notebook output bundle (nbformat's "data" keys).</summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    /// <summary>Base64 of the PNG bytes, as nbformat stores it.</summary>
    public const string Png = "image/png";
}
