using SeqGan.Research.Models;

namespace SeqGan.Research.Tests.Training;

/// <summary>Small generator/discriminator sizes that keep training tests to milliseconds.</summary>
internal static class TinyModels
{
    public static readonly LstmModelSize Size = new(VocabularySize: 30, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 6);

    public static DiscriminatorConfig Discriminator => new()
    {
        VocabularySize = Size.VocabularySize,
        SequenceLength = Size.SequenceLength,
        EmbeddingSize = 8,
        FilterWidths = [1, 2, 3],
        FilterCounts = [4, 6, 4],
    };
}
