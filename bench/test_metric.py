#!/usr/bin/env python3
"""Unit tests of the benchmark metric and of the harness's handling of CLI output.

    python3 -m pytest bench/        or        python3 bench/test_metric.py
"""

import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import IndexRow, run_cli, score_page  # noqa: E402
from metric import (  # noqa: E402
    TextScore,
    aggregate,
    author_matches,
    date_matches,
    parse_gold_date,
    score_text,
    shingles,
    snippet_present,
    title_matches,
    title_matches_exactly,
    tokenize,
)


class TokenizeTest(unittest.TestCase):
    def test_latin_runs_are_lowercased_words(self):
        self.assertEqual(tokenize("Hello, World! foo_bar 42"), ["hello", "world", "foo_bar", "42"])

    def test_each_cjk_character_is_a_token_and_latin_runs_stay_whole(self):
        self.assertEqual(tokenize("WebClean 把网页变干净 2024年"),
                         ["webclean", "把", "网", "页", "变", "干", "净", "2024", "年"])
        self.assertEqual(tokenize("abc中def"), ["abc", "中", "def"])

    def test_kana_and_hangul_are_split_too(self):
        self.assertEqual(tokenize("東京タワーへ"), ["東", "京", "タ", "ワ", "ー", "へ"])
        self.assertEqual(tokenize("한국어 text"), ["한", "국", "어", "text"])

    def test_cjk_punctuation_is_not_a_token(self):
        self.assertEqual(tokenize("你好，世界。"), ["你", "好", "世", "界"])

    def test_plain_tokens_keep_a_chinese_sentence_whole(self):
        self.assertEqual(tokenize("中文句子 ok", cjk_aware=False), ["中文句子", "ok"])

    def test_nothing_gives_no_tokens(self):
        self.assertEqual(tokenize(None), [])
        self.assertEqual(tokenize(" ,.; "), [])


class ShinglesTest(unittest.TestCase):
    def test_four_grams(self):
        self.assertEqual(shingles(list("abcde")), [("a", "b", "c", "d"), ("b", "c", "d", "e")])

    def test_short_text_is_one_shingle(self):
        self.assertEqual(shingles(["a", "b", "c"]), [("a", "b", "c")])

    def test_no_tokens_no_shingles(self):
        self.assertEqual(shingles([]), [])


class ScoreTextTest(unittest.TestCase):
    def test_perfect_ignores_case_and_punctuation(self):
        self.assertEqual(score_text("A b, c. D e!", "a b c d e"), TextScore(1.0, 1.0))

    def test_empty_prediction_has_no_precision_and_zero_recall(self):
        score = score_text("", "a b c d e")
        self.assertIsNone(score.precision)
        self.assertEqual(score.recall, 0.0)
        self.assertEqual(score.f1, 0.0)

    def test_partial(self):
        # gold shingles abcd bcde cdef; predicted abcd bcde cdex: 2 of 3 match either way.
        score = score_text("a b c d e x", "a b c d e f")
        self.assertAlmostEqual(score.precision, 2 / 3)
        self.assertAlmostEqual(score.recall, 2 / 3)
        self.assertAlmostEqual(score.f1, 2 / 3)

    def test_extra_text_costs_precision_only(self):
        # predicted shingles: abcd bcde cdef defx efxy; gold: abcd bcde cdef.
        score = score_text("a b c d e f x y", "a b c d e f")
        self.assertAlmostEqual(score.precision, 3 / 5)
        self.assertEqual(score.recall, 1.0)
        self.assertAlmostEqual(score.f1, 2 * 0.6 / 1.6)

    def test_chinese_partial(self):
        # gold 我爱北京天安门: 4 shingles; prediction 我爱北京: 1 shingle, which is the gold's first.
        score = score_text("我爱北京", "我爱北京天安门")
        self.assertEqual(score.precision, 1.0)
        self.assertAlmostEqual(score.recall, 1 / 4)

    def test_repeated_shingles_multiset_versus_set(self):
        # gold abcdabcd: shingles abcd bcda cdab dabc abcd (abcd twice, 4 distinct).
        self.assertEqual(score_text("a b c d", "a b c d a b c d"), TextScore(1.0, 1 / 5))
        self.assertEqual(score_text("a b c d", "a b c d a b c d", counting="set"), TextScore(1.0, 1 / 4))
        # Predicting the repeat twice is rewarded only when the gold repeats it too.
        # predicted abcd bcdx cdxa dxab xabc abcd: 6 shingles, abcd matched once.
        self.assertEqual(score_text("a b c d x a b c d", "a b c d").precision, 1 / 6)

    def test_short_texts_match_as_one_shingle(self):
        self.assertEqual(score_text("Hello world", "hello world"), TextScore(1.0, 1.0))
        self.assertEqual(score_text("hello", "hello world again and more"), TextScore(0.0, 0.0))

    def test_unknown_counting_is_refused(self):
        with self.assertRaises(ValueError):
            score_text("a", "a", counting="bag")


class AggregateTest(unittest.TestCase):
    def test_means_and_f1_of_means(self):
        figures = aggregate([TextScore(1.0, 0.5), TextScore(None, 0.0), TextScore(0.5, 1.0)])
        self.assertEqual(figures.pages, 3)
        self.assertAlmostEqual(figures.precision, 0.75)  # the empty prediction is left out
        self.assertAlmostEqual(figures.recall, 0.5)
        self.assertAlmostEqual(figures.f1, 0.6)
        self.assertAlmostEqual(figures.mean_page_f1, (2 / 3 + 0 + 2 / 3) / 3)

    def test_empty_prediction_as_zero_precision(self):
        figures = aggregate([TextScore(1.0, 0.5), TextScore(None, 0.0)], empty_precision_as_zero=True)
        self.assertAlmostEqual(figures.precision, 0.5)

    def test_nothing_to_aggregate(self):
        self.assertIsNone(aggregate([]))


class MetadataTest(unittest.TestCase):
    def test_gold_dates_in_their_various_forms(self):
        self.assertEqual(parse_gold_date("2005-5-7 21:23:57"), "2005-05-07")
        self.assertEqual(parse_gold_date("2015-07-10T09:53:00-04:00"), "2015-07-10")
        self.assertEqual(parse_gold_date("2017-11-03 03:01:00.000000"), "2017-11-03")
        self.assertEqual(parse_gold_date("1998-3"), "1998-03")
        self.assertEqual(parse_gold_date("2018"), "2018")
        self.assertEqual(parse_gold_date("UNKNOWN"), "unknown")
        self.assertIsNone(parse_gold_date("UNKNWON"))
        self.assertIsNone(parse_gold_date("刘涛"))
        self.assertIsNone(parse_gold_date(None))

    def test_same_day(self):
        self.assertTrue(date_matches("2005-05-07T21:23:57+08:00", "2005-05-07"))
        self.assertFalse(date_matches("2005-05-08", "2005-05-07"))
        self.assertTrue(date_matches("1998-03-01", "1998-03"))
        self.assertFalse(date_matches("1998", "1998-03"))
        self.assertFalse(date_matches(None, "2005-05-07"))
        self.assertTrue(date_matches(None, "unknown"))
        self.assertFalse(date_matches("2020-01-01", "unknown"))

    def test_author_containment_either_way(self):
        self.assertTrue(author_matches("By Jane Doe", "jane doe"))
        self.assertTrue(author_matches("王建宏", "王建宏 张文攀"))
        self.assertFalse(author_matches("John Roe", "Jane Doe"))
        self.assertFalse(author_matches(None, "Jane Doe"))
        self.assertTrue(author_matches("", "UNKNOWN"))
        self.assertFalse(author_matches("张三", "UNKNOWN"))

    def test_author_lists_match_whatever_joins_them(self):
        self.assertTrue(author_matches("Stella Kim; Jennifer Jett", "Stella Kim, Jennifer Jett"))
        self.assertTrue(author_matches("宋怡; 杨志华", "宋怡 杨志华"))
        self.assertTrue(author_matches("赵延东; 风笑天", "赵延东、风笑天"))
        self.assertFalse(author_matches("宋怡; 李四", "宋怡 杨志华"))

    def test_title_exact_after_whitespace_and_quote_folding(self):
        self.assertTrue(title_matches_exactly("  A\n title ", "A title"))
        self.assertTrue(title_matches_exactly("Here’s how", "Here's how"))
        self.assertFalse(title_matches_exactly("a title", "A title"))
        self.assertFalse(title_matches_exactly("How to Build", "How to Build | eHow"))

    def test_title_may_leave_out_the_site_name_the_gold_keeps(self):
        self.assertTrue(title_matches("How to Build a Terrarium", "How to Build a Terrarium | eHow"))
        self.assertTrue(title_matches("Site Reliability Engineering", "Google - Site Reliability Engineering"))
        self.assertTrue(title_matches("人工智能迈上新台阶", "人工智能迈上新台阶_科技_腾讯网"))
        self.assertTrue(title_matches("宇航员在太空中喝酒会怎么样？后果很严重", "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网"))
        self.assertTrue(title_matches("Samantha and The Great Big Lie", "Samantha and The Great Big Lie - John C. Welch - Medium"))
        # Only at a separator, only short names, never more than the title itself.
        self.assertFalse(title_matches("How to Build", "How to Build a Terrarium"))
        self.assertFalse(title_matches("A title", "A title - and a long subtitle that says a great deal more"))
        self.assertFalse(title_matches("Short", "Short | Longer site name"))
        self.assertFalse(title_matches("", "A title"))

    def test_snippets_fold_whitespace_and_case(self):
        self.assertTrue(snippet_present("Hello   World", "say hello\nworld now"))
        self.assertFalse(snippet_present("hello world", "hello there world"))
        self.assertFalse(snippet_present("x", None))


class HarnessTest(unittest.TestCase):
    def test_output_lines_are_split_on_newline_only(self):
        # A raw U+2028 inside a JSON string is valid JSON and must not split the line.
        script = (
            "import json,sys\n"
            "paths=[l for l in open(sys.argv[sys.argv.index('--input-list')+1]).read().split('\\n') if l]\n"
            "print(json.dumps({'input': paths[0], 'text': 'a\\u2028b', 'error': None}, ensure_ascii=False))\n"
        )
        run = run_cli([sys.executable, "-c", script], ["/x/one.html", "/x/two.html"], jobs=1, timeout=60)
        self.assertEqual(run.outputs["/x/one.html"]["text"], "a\u2028b")
        self.assertNotIn("/x/two.html", run.outputs)
        self.assertEqual(run.problems, ["1 output lines for 2 inputs"])

    def test_failed_page_scores_zero_everywhere(self):
        with tempfile.TemporaryDirectory() as directory:
            gold = Path(directory) / "gold.txt"
            gold.write_text("a b c d e", encoding="utf-8")
            row = IndexRow("p1", Path(directory) / "p1.html", gold, "-",
                           {"title": "T", "author": "UNKNOWN", "date": "2020-01-02", "with": ["a b"], "without": ["z"]})
            for output in (None, {"input": "p1", "text": "a b c d e", "error": "boom"}):
                page = score_page("wcxb-dev", row, output)
                self.assertTrue(page.failure)
                self.assertEqual(page.text, TextScore(0.0, 0.0))
                self.assertEqual(page.metadata, {"title": False, "title_exact": False, "author": False, "date": False})
                self.assertEqual((page.with_found, page.without_avoided), ((0, 1), (0, 1)))
            page = score_page("wcxb-dev", row, {"input": "p1", "text": "A B c d e", "title": "T", "author": None,
                                                "date": "2020-01-02T10:00:00Z", "error": None})
            self.assertIsNone(page.failure)
            self.assertEqual(page.text, TextScore(1.0, 1.0))
            self.assertEqual(page.metadata, {"title": True, "title_exact": True, "author": True, "date": True})
            self.assertEqual((page.with_found, page.without_avoided), ((1, 1), (1, 1)))

    def test_the_fake_cli_echoes_inputs_in_order(self):
        fake = Path(__file__).resolve().parent / "fake_webclean.py"
        with tempfile.TemporaryDirectory() as directory:
            paths = []
            for name in ("b.html", "a.html"):
                page = Path(directory) / name
                page.write_text(f"<html><title>{name}</title><p>body of {name}</p></html>", encoding="utf-8")
                paths.append(str(page))
            run = run_cli([sys.executable, str(fake)], paths, jobs=2, timeout=60)
        self.assertEqual(run.problems, [])
        self.assertEqual(run.outputs[paths[0]]["text"], "body of b.html")
        self.assertEqual(run.outputs[paths[1]]["title"], "a.html")


if __name__ == "__main__":
    unittest.main()
