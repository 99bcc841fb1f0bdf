"""English written by hand for the first rows of the bundled sample notes, one string per Chinese sentence.

The README's pictures use it where this machine has no translation model: the reader's sentence highlight
and the exported PDF page. Keys are the start of a block's Markdown.
"""

ENGLISH = {
    "# 示例学员": ["# Sample learner"],
    "1. 我在汽车行业": ["1. I do strategy consulting in the car industry, did investment research before, and want to "
                  "learn web3 properly, especially Ethereum's Layer 2 scaling."],
    "2. 目标：": ["2. Goal:", "study 1–2 hours every day after work, write what I learn into notes, and make daily "
               "study a habit."],
    "**Optimistic Rollup 是什么**": ["**What is an Optimistic Rollup**"],
    "Optimistic Rollup（乐观汇总）": [
        "An Optimistic Rollup is a Layer 2 scaling solution for Ethereum: transactions run off-chain, and the "
        "transaction data is batched and published to Ethereum mainnet.",
        "The system assumes these transactions are valid; only when someone raises a challenge are they checked "
        "with a fraud proof.",
    ],
    "挑战期通常是": ["The challenge period is usually 7 days.", "Only after it ends can a withdrawal complete on L1."],
    "与之相对的是": ["In contrast, a ZK Rollup produces a validity proof for every batch and needs no challenge "
                "period."],
    "### 2025.01.07": ["### 2025.01.07"],
    "**OP Stack 的角色**": ["**The roles in the OP Stack**"],
    "- Sequencer（排序器）": ["- Sequencer: receives users' transactions, orders them and produces L2 blocks."],
    "- Batcher：": ["- Batcher: submits transaction batches to the BatchInbox address on L1, keeping the data "
                   "available."],
    "- Proposer：": ["- Proposer: regularly publishes the L2 state root to L1."],
    "- Challenger：": ["- Challenger: when it finds a wrong output, it opens a challenge in the FaultDisputeGame."],
    "今天还看了存款流程": ["Today I also read through the deposit flow: the user calls `depositETH` on "
                   "`L1StandardBridge`, the message passes through L1CrossDomainMessenger and OptimismPortal, "
                   "and is finally executed on L2."],
}
