using SeqGan.Research.Models;
using SeqGan.Research.Nn;
using SeqGan.Research.Tensors;
using SeqGan.Research.Training;

namespace SeqGan.Research.Tests.Training;

/// <summary>The ambient stop request a notebook kernel sets around a cell: the training loops stop on it
/// without being handed a token, and it is scoped to the code that entered it.</summary>
public class InterruptionTests
{
    [Fact]
    public void Training_loops_stop_on_the_ambient_token_without_a_token_of_their_own()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        using var generator = new Generator(TinyModels.Size);
        using var optimizer = new Adam(generator.Parameters(), 0.01);
        using var discriminator = new Discriminator(TinyModels.Discriminator);
        using var discriminatorOptimizer = new Adam(discriminator.Parameters(), 0.01);
        var data = generator.Sample(32);
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        using (Interruption.Enter(stop.Token))
        {
            Assert.Throws<OperationCanceledException>(() => MleTraining.TrainEpoch(generator, optimizer, data, 16, 5.0));
            Assert.Throws<OperationCanceledException>(() => ScheduledSampling.TrainEpoch(generator, optimizer, data, 16, 5.0, 0.5));
            Assert.Throws<OperationCanceledException>(() => DiscriminatorTraining.Train(discriminator, discriminatorOptimizer, data, data, 1, 16));
        }
        // Outside the scope the same calls run.
        Assert.True(double.IsFinite(MleTraining.TrainEpoch(generator, optimizer, data, 16, 5.0)));
    }

    [Fact]
    public void An_optimizer_step_stops_before_it_moves_a_parameter()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(4);
        using var generator = new Generator(TinyModels.Size);
        using var optimizer = new Adam(generator.Parameters(), 0.1);
        MleTraining.Loss(generator, generator.Sample(8)).Backward();
        float[][] Values() => generator.Parameters().Select(p => p.ToArray<float>()).ToArray();
        var before = Values();
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        using (Interruption.Enter(stop.Token))
            Assert.Throws<OperationCanceledException>(optimizer.Step);

        Assert.Equal(before, Values());
        optimizer.Step();   // the same step, outside the scope, does move them
        Assert.NotEqual(before, Values());
    }

    [Fact]
    public void The_scope_puts_the_previous_token_back_and_flows_into_threads()
    {
        using var outer = new CancellationTokenSource();
        using var inner = new CancellationTokenSource();
        Assert.Equal(CancellationToken.None, Interruption.Token);
        using (Interruption.Enter(outer.Token))
        {
            using (Interruption.Enter(inner.Token))
            {
                inner.Cancel();
                // A thread started inside the scope (a Parallel.For in a cell) sees the same request.
                var seenOnThread = false;
                var thread = new Thread(() => seenOnThread = Interruption.Token.IsCancellationRequested);
                thread.Start();
                thread.Join();
                Assert.True(seenOnThread);
                Assert.Throws<OperationCanceledException>(() => Interruption.ThrowIfRequested());
            }
            Assert.Equal(outer.Token, Interruption.Token);
            Interruption.ThrowIfRequested();
        }
        Assert.Equal(CancellationToken.None, Interruption.Token);
    }
}
