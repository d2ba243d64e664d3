#:project ../SeqGan.Research/SeqGan.Research.csproj
#:property PublishAot=false
// Times Texygen's BLEU-4 in C# on the workload scripts/bench_bleu_nltk.py wrote and timed in NLTK, checks
// both give the same score, and prints the speed ratio.
//     /usr/bin/python3 scripts/bench_bleu_nltk.py /tmp/bleu-bench
//     dotnet run scripts/bench_bleu.cs -c Release -- /tmp/bleu-bench
using System.Diagnostics;
using System.Text.Json;
using SeqGan.Research.Data;
using SeqGan.Research.Metrics;

var folder = args.Length > 0 ? args[0] : "/tmp/bleu-bench";
const int Order = 4, Runs = 21;
int[][] ReadIds(string name) => TokenSequenceFile.Read(Path.Combine(folder, name), 20, 5000)
    .Select(row => row.Select(id => (int)id).ToArray()).ToArray();
var references = ReadIds("references.txt");
var hypotheses = ReadIds("hypotheses.txt");
using var nltk = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "nltk.json")));
var nltkSeconds = nltk.RootElement.GetProperty("seconds_one_process").GetDouble();
var nltkBleu = nltk.RootElement.GetProperty("bleu").GetDouble();

double bleu = 0;
BleuReferenceSet? set = null;
for (var warmup = 0; warmup < 3; warmup++) bleu = Bleu.AverageSentence(new BleuReferenceSet(references, Order), hypotheses);
var build = new List<double>();
var score = new List<double>();
for (var run = 0; run < Runs; run++)
{
    var watch = Stopwatch.StartNew();
    set = new BleuReferenceSet(references, Order);
    build.Add(watch.Elapsed.TotalMilliseconds);
    watch.Restart();
    bleu = Bleu.AverageSentence(set, hypotheses);
    score.Add(watch.Elapsed.TotalMilliseconds);
}
static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var total = Median(build.Zip(score, (b, s) => b + s).ToList());

Console.WriteLine($"{hypotheses.Length} hypotheses x {references.Length} references, length 20, BLEU-{Order}, {Environment.ProcessorCount} cores");
Console.WriteLine($"distinct n-grams in the reference set: {set!.DistinctNGramCount:N0}");
Console.WriteLine($"C#   : build {Median(build):F2} ms + score {Median(score):F3} ms = {total:F2} ms (median of {Runs})");
Console.WriteLine($"NLTK : {nltkSeconds * 1000:F0} ms (one process)");
Console.WriteLine($"BLEU : C# {bleu:R}  NLTK {nltkBleu:R}  |diff| {Math.Abs(bleu - nltkBleu):E2}");
Console.WriteLine($"speed: {nltkSeconds * 1000 / total:F0}x NLTK including the reference set build, {nltkSeconds * 1000 / Median(score):F0}x scoring alone");
