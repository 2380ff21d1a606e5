#include <helpdesk/rules/assignment.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

using namespace helpdesk;

TEST_CASE("automatic assignment: round robin takes each candidate in turn, by id, wrapping around") {
    const std::vector<assignment_candidate> five{{3, 9}, {5, 0}, {8, 2}, {13, 2}, {21, 7}};
    CHECK(choose_assignee(assignment_mode::round_robin, five, std::nullopt) == 3);
    CHECK(choose_assignee(assignment_mode::round_robin, five, 3) == 5);
    CHECK(choose_assignee(assignment_mode::round_robin, five, 13) == 21);
    CHECK(choose_assignee(assignment_mode::round_robin, five, 21) == 3);
    // The previous assignee left the candidates: the next id after theirs.
    CHECK(choose_assignee(assignment_mode::round_robin, five, 10) == 13);
    CHECK(choose_assignee(assignment_mode::round_robin, five, 99) == 3);

    // A thousand tickets over five coordinators: 200 each, in order.
    std::map<account_id, int> given;
    std::optional<account_id> last;
    for (int i = 0; i < 1000; ++i) {
        last = choose_assignee(assignment_mode::round_robin, five, last);
        ++given[*last];
    }
    CHECK(given == std::map<account_id, int>{{3, 200}, {5, 200}, {8, 200}, {13, 200}, {21, 200}});
}

TEST_CASE("automatic assignment: least open takes the fewest open tickets, ties in rotation") {
    const std::vector<assignment_candidate> five{{3, 9}, {5, 0}, {8, 2}, {13, 2}, {21, 7}};
    CHECK(choose_assignee(assignment_mode::least_open, five, std::nullopt) == 5);
    const std::vector<assignment_candidate> tied{{3, 1}, {5, 4}, {8, 1}, {13, 1}};
    // (previous assignee, next): 6 and 20 are no longer candidates, so the
    // tie goes to the next id after theirs.
    const std::vector<std::pair<std::optional<account_id>, account_id>> turns{
        {std::nullopt, 3}, {3, 8}, {8, 13}, {13, 3}, {6, 8}, {20, 3}};
    for (const auto& [previous, next] : turns) {
        CHECK(choose_assignee(assignment_mode::least_open, tied, previous) == next);
    }
    // All equal: the rotation alone decides, as in round robin.
    const std::vector<assignment_candidate> even{{3, 2}, {5, 2}, {8, 2}};
    CHECK(choose_assignee(assignment_mode::least_open, even, 5) == 8);

    // Handing out tickets one at a time keeps everyone within one of each other.
    std::vector<assignment_candidate> team{{2, 0}, {4, 3}, {6, 1}, {7, 0}};
    std::optional<account_id> last;
    for (int i = 0; i < 101; ++i) {
        last = choose_assignee(assignment_mode::least_open, team, last);
        for (auto& c : team) {
            c.open_tickets += c.id == *last ? 1 : 0;
        }
    }
    const auto [low, high] = std::minmax_element(team.begin(), team.end(), [](const auto& a, const auto& b) {
        return a.open_tickets < b.open_tickets;
    });
    CHECK(high->open_tickets - low->open_tickets <= 1);
}

TEST_CASE("automatic assignment: none, or nobody available, assigns nobody") {
    const std::vector<assignment_candidate> one{{7, 0}};
    CHECK_FALSE(choose_assignee(assignment_mode::none, one, std::nullopt));
    CHECK_FALSE(choose_assignee(assignment_mode::round_robin, {}, std::nullopt));
    CHECK_FALSE(choose_assignee(assignment_mode::least_open, {}, 7));
    CHECK(choose_assignee(assignment_mode::round_robin, one, 7) == 7);
    for (const auto m : {assignment_mode::none, assignment_mode::round_robin, assignment_mode::least_open}) {
        CHECK(parse_assignment_mode(to_string(m)) == m);
    }
    CHECK_FALSE(parse_assignment_mode("random"));
}
