namespace SeqGan.Research.Models;

/// <summary>What every model of a task shares: the vocabulary, the fixed sequence length and the token that starts a
/// sequence (fed before the first one). A generator or discriminator factory builds its model for a shape.</summary>
public sealed record SequenceShape(int VocabularySize, int SequenceLength, int StartToken = 0);
