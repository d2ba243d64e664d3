using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;

namespace SeqGan.Research.Models;

/// <summary>
/// How to build a fresh discriminator for a task's shape, and the rate of its Adam: what a preset's
/// <c>Discriminator</c> setting holds (an ablation with your own D is <c>preset with { Discriminator = ... }</c>).
/// </summary>
public abstract record DiscriminatorFactory
{
    /// <summary>Adam's learning rate for this discriminator.</summary>
    public abstract double LearningRate { get; }

    public abstract ISequenceDiscriminator Create(SequenceShape shape, Device device);

    /// <summary>Any discriminator of your own, trained with Adam at <paramref name="learningRate"/>.</summary>
    public static DiscriminatorFactory FromFunction(string name, double learningRate, Func<SequenceShape, Device, ISequenceDiscriminator> create) =>
        new FunctionDiscriminatorFactory(name, learningRate, create);

    private sealed record FunctionDiscriminatorFactory(string Name, double Rate, Func<SequenceShape, Device, ISequenceDiscriminator> Build) : DiscriminatorFactory
    {
        public override double LearningRate => Rate;

        public override ISequenceDiscriminator Create(SequenceShape shape, Device device) => Build(shape, device);

        public override string ToString() => Name;
    }
}

/// <summary>
/// The paper's CNN discriminator (<see cref="Discriminator"/>) with <paramref name="Template"/>'s sizes; vocabulary and
/// length come from the task, and filters wider than its sequences are dropped (they would have no window to read).
/// </summary>
public sealed record CnnDiscriminatorFactory(DiscriminatorConfig Template) : DiscriminatorFactory
{
    public CnnDiscriminatorFactory() : this(new DiscriminatorConfig()) { }

    public override double LearningRate => Template.LearningRate;

    /// <summary>The configuration for <paramref name="shape"/>.</summary>
    public DiscriminatorConfig ConfigFor(SequenceShape shape)
    {
        if (Template.FilterWidths.Count != Template.FilterCounts.Count)
            throw new ArgumentException($"discriminator: {Template.FilterWidths.Count} filter widths but {Template.FilterCounts.Count} filter counts");
        var kept = Template.FilterWidths.Select((w, i) => (Width: w, Count: Template.FilterCounts[i])).Where(f => f.Width <= shape.SequenceLength).ToList();
        if (kept.Count == 0)
            throw new ArgumentException($"discriminator: no filter width ({string.Join(", ", Template.FilterWidths)}) fits sequences of {shape.SequenceLength} tokens");
        return Template with
        {
            VocabularySize = shape.VocabularySize,
            SequenceLength = shape.SequenceLength,
            FilterWidths = kept.Select(f => f.Width).ToList(),
            FilterCounts = kept.Select(f => f.Count).ToList(),
        };
    }

    public override ISequenceDiscriminator Create(SequenceShape shape, Device device) => new Discriminator(ConfigFor(shape)).To(device);
}
