#pragma once
// Tagging every response in a store at once (yousaid tag): with learned models
// (model_tagger.h), then with a codebook's rules (tagger.h), so that a theme a
// model found rolls up to its parents. Each response is read once and written
// once, and only when its tags or polarity changed: rewriting a stored
// response costs far more than predicting its tags. The models predict the
// next parts of the store on other threads while this one writes.
#include <vector>

#include <xapian.h>

namespace yousaid {

struct CompiledCodebook;
class TextModel;

struct StoreTagging {
    int examined = 0;                   // responses looked at
    std::vector<int> changed_by_model;  // per model: responses whose themes or polarity it changed
    int changed_by_rules = 0;           // responses whose tags the codebook's rules changed
    int changed = 0;                    // responses written
};

// Tags with each of `models` in turn, then with `codebook` when one is given
// (whose synonyms then replace the store's, and which the store then keeps as
// the codebook it was tagged with). Hand codes win throughout. Does not
// commit: the caller's transaction makes the tags visible together.
// `reader`, when given, is the same store opened to read with nothing written
// to `db` since: the responses are then read along its value streams on the
// models' threads, and the writing thread need not read them again (Xapian
// objects are not shared between threads).
StoreTagging tag_store(Xapian::WritableDatabase& db, const std::vector<const TextModel*>& models,
                       const CompiledCodebook* codebook, unsigned threads = 2,
                       const Xapian::Database* reader = nullptr);

}  // namespace yousaid
