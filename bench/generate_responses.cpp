// Writes a synthetic batch of N engagement responses as CSV, for benchmarks:
//   generate_responses N SEED CORPUS_DIR > batch.csv
// Texts are made of sentences from the sample corpus (so vocabulary, length and
// spelling are those of real feedback), one to five per response; attributes
// follow the corpus's mix. The same N and SEED give the same bytes on every
// machine: only the engine's raw output is used, never std:: distributions.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "ingest/csv_grammar.h"
#include "ingest/text_file.h"

namespace {

using yousaid::CsvRecord;

struct Pool {
    std::vector<std::string> sentences;
    std::vector<std::string> events, channels, questions, age_bands, genders, ethnicities, districts;
};

void add_sentences(const std::string& text, std::vector<std::string>& out) {
    std::string sentence;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
        sentence += c;
        bool end = (c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ');
        if (end || i + 1 == text.size()) {
            std::size_t first = sentence.find_first_not_of(' ');
            if (first != std::string::npos && sentence.size() - first > 3) out.push_back(sentence.substr(first));
            sentence.clear();
        }
    }
}

Pool read_corpus(const std::string& dir) {
    Pool pool;
    for (const auto& entry : std::filesystem::directory_iterator(dir + "/responses")) {
        std::string text = yousaid::read_file_bytes(entry.path().string());
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) text = text.substr(3);
        std::vector<CsvRecord> records = yousaid::parse_csv(text, entry.path().string());
        // Columns of the corpus files: Response ID, Date, Event, Channel, Question, Response, Age band, Gender,
        // Ethnicity, Sexual orientation, Postcode district, ...
        for (std::size_t r = 1; r < records.size(); ++r) {
            const CsvRecord& record = records[r];
            if (record.error || record.fields.size() < 11) continue;
            add_sentences(record.fields[5].value, pool.sentences);
            const int columns[] = {2, 3, 4, 6, 7, 8, 10};
            std::vector<std::string>* lists[] = {&pool.events,    &pool.channels,    &pool.questions, &pool.age_bands,
                                                 &pool.genders,   &pool.ethnicities, &pool.districts};
            for (int k = 0; k < 7; ++k) {
                // Repeats kept: a value's share in the pool is its share in the corpus.
                const std::string& value = record.fields[columns[k]].value;
                if (!value.empty()) lists[k]->push_back(value);
            }
        }
    }
    return pool;
}

std::string csv_field(const std::string& value) {
    std::string out = "\"";
    for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: generate_responses N SEED CORPUS_DIR > batch.csv\n";
        return 2;
    }
    const long n = std::stol(argv[1]);
    std::mt19937_64 engine(std::stoull(argv[2]));
    Pool pool = read_corpus(argv[3]);
    if (pool.sentences.empty()) {
        std::cerr << "generate_responses: no responses found under " << argv[3] << "/responses\n";
        return 1;
    }
    auto pick = [&](const std::vector<std::string>& list) -> const std::string& { return list[engine() % list.size()]; };
    std::ios::sync_with_stdio(false);
    std::cout << "Response ID,Date,Event,Channel,Question,Response,Age band,Gender,Ethnicity,Postcode district,Carer,"
                 "Lives alone\n";
    for (long i = 0; i < n; ++i) {
        int sentences = 1 + static_cast<int>(engine() % 5);
        std::string text;
        for (int s = 0; s < sentences; ++s) text += (s ? " " : "") + pick(pool.sentences);
        int day = 1 + static_cast<int>(engine() % 28), month = 5 + static_cast<int>(engine() % 3);
        char date[16];
        std::snprintf(date, sizeof date, "2014-%02d-%02d", month, day);
        std::cout << "S" << i << "," << date << "," << csv_field(pick(pool.events)) << "," << csv_field(pick(pool.channels))
                  << "," << csv_field(pick(pool.questions)) << "," << csv_field(text) << "," << pick(pool.age_bands) << ","
                  << pick(pool.genders) << "," << csv_field(pick(pool.ethnicities)) << "," << pick(pool.districts) << ","
                  << (engine() % 8 == 0 ? "yes" : "no") << "," << (engine() % 6 == 0 ? "yes" : "no") << "\n";
    }
    return 0;
}
