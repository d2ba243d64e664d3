namespace SeqGan.Research.Plotting;

/// <summary>Something a figure output needs (plotly.js, Chromium) is not installed; the message says how to install it.</summary>
public sealed class PlottingSetupException(string message) : Exception(message);
