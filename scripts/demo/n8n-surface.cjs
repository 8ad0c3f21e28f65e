require('./shared.cjs').report({surface:'n8n node', error:'not wired yet', seconds:0})
