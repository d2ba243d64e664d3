namespace SeqGan.Research.Training;

/// <summary>A training step produced numbers that are not numbers (NaN or infinity in a loss, gradient or parameter);
/// the message names the phase, the step and the parameter.</summary>
public sealed class TrainingDivergedException(string message) : ArithmeticException(message);
